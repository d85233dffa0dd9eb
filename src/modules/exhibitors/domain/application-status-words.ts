import type { Lang } from '../../../core/web/i18n';
import type { ApplicationStatus } from '../entities/exhibitor-application.entity';

/**
 * An application's status in words, Korean and English: the one place the exhibitors' pages, the
 * review console and the meetings' exhibitor page take them from. The keys are `app_<status>`,
 * spread into each page's catalogue.
 */
export type ApplicationStatusWordKey = `app_${ApplicationStatus}`;

export const APPLICATION_STATUS_WORDS = {
  ko: {
    app_draft: '작성 중',
    app_submitted: '제출됨',
    app_under_review: '검토 중',
    app_changes_requested: '보완 요청',
    app_approved: '승인',
    app_waitlisted: '대기',
    app_rejected: '반려',
    app_cancelled: '취소됨',
  },
  en: {
    app_draft: 'draft',
    app_submitted: 'submitted',
    app_under_review: 'under review',
    app_changes_requested: 'changes requested',
    app_approved: 'approved',
    app_waitlisted: 'waitlisted',
    app_rejected: 'rejected',
    app_cancelled: 'cancelled',
  },
} as const satisfies Record<Lang, Record<ApplicationStatusWordKey, string>>;
