import { renderMail } from '../../../core/mail/mail-template';
import { translator } from '../../../core/web/i18n';
import { surveyMail } from '../mail/survey.mail';
import type { SurveyPageModel } from '../meeting-surveys.service';
import { SURVEY_MESSAGES } from './survey-page.messages';
import { renderSurveyPage, surveyUrl } from './survey-page.view';

const TOKEN = '0b7e0f3c-8d2e-4c57-9a43-1f1f5b0f9e11.abcdefghijklmnopqrstuvwxyz012345';
const MEETING = '5f0c3c1e-2f0a-4a43-9e1b-7d2c9c1a0b33';

const model = (over: Partial<SurveyPageModel> = {}): SurveyPageModel => ({
  token: TOKEN, meetingId: MEETING, side: 'exhibitor', company: '빛고을모터', counterpart: 'Hanoi <EV> Trading', counterpartCountry: 'VN',
  startsAt: '2027-07-08T05:30:00Z', endsAt: '2027-07-08T06:00:00Z', edition: { nameKo: '2027 국제그린카산업전시회', nameEn: '2027 International Green Car Industry Fair' },
  answeredAt: null, values: {}, errors: {}, ...over,
});
const ctx = (lang: 'ko' | 'en') => ({ lang, t: translator(SURVEY_MESSAGES, lang), langHref: (l: 'ko' | 'en') => surveyUrl(TOKEN, MEETING, l) });
const textOf = (page: string): string => page.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the survey page view', () => {
  it('asks in Korean with a Korean time, names escaped, private (noindex), posting to its own address', () => {
    const page = renderSurveyPage(ctx('ko'), model());
    expect(page).toMatch(/<meta name="robots" content="noindex/);
    expect(textOf(page)).toContain('2027년 7월 8일 (목) 오후 2:30–오후 3:00, Hanoi &lt;EV&gt; Trading (베트남)와(과)의 상담은 어떠셨나요?');
    expect(page).toContain(`<form method="post" action="/meetings/${TOKEN}/surveys/${MEETING}?lang=ko" novalidate>`);
    expect(page).not.toMatch(/\b(AM|PM)\b/);
    expect(page).not.toContain('class="error-summary"');
  });

  it('shows each error next to its field and on top with a link to it, the values as typed', () => {
    const page = renderSurveyPage(ctx('ko'), model({
      values: { satisfaction: '3', followUp: 'no', consultationUsd: '1,2', expectedContractUsd: '-1', comment: '<script>' },
      errors: { consultationUsd: 'notANumber', expectedContractUsd: 'negative' },
    }));
    expect(page).toContain('<li><a href="#f-consultationUsd">상담액 (미화 달러): 숫자로 입력해 주세요 (예: 12,500.50).</a></li>');
    expect(page).toContain('<li><a href="#f-expectedContractUsd">계약추진액 (미화 달러): 0 이상이어야 합니다.</a></li>');
    expect(page).toContain('<p class="field-error" id="err-expectedContractUsd">0 이상이어야 합니다.</p>');
    expect(page).toContain('value="1,2" maxlength="24" aria-describedby="hint-amount err-consultationUsd" aria-invalid="true"');
    expect(page).toMatch(/id="f-satisfaction-3" name="satisfaction" value="3" checked/);
    expect(page).toMatch(/id="f-followUp-no" name="followUp" value="no" checked/);
    expect(page).toContain('&lt;script&gt;</textarea>');
  });

  it('says when it was answered, in English too', () => {
    const page = textOf(renderSurveyPage(ctx('en'), model({ answeredAt: '2027-07-08T07:00:00Z' }), true));
    expect(page).toContain('Your answer is saved. Thank you.');
    expect(page).toContain('You answered on Thu 8 Jul 2027, 4:00 PM. Sending again replaces your answer.');
  });
});

describe('the survey email', () => {
  const params = {
    contactName: '김민준', editionNameKo: '2027 국제그린카산업전시회', editionNameEn: '2027 International Green Car Industry Fair', counterpart: '하노이무역',
    startsAt: '2027-07-08T05:30:00Z', endsAt: '2027-07-08T06:00:00Z', surveyPath: `/meetings/${TOKEN}/surveys/${MEETING}`,
  };
  it('greets with 님, gives the Korean time and the private link, with core\'s footer and no English', () => {
    const mail = renderMail(surveyMail, params, 'ko', { publicUrl: 'https://fairgate.example' });
    expect(mail.subject).toBe('[Fairgate] 상담 결과 설문: 하노이무역');
    expect(mail.text).toContain('김민준 님, 안녕하세요.');
    expect(mail.text).toContain('2027년 7월 8일 (목) 오후 2:30–오후 3:00에 하노이무역와(과) 진행한 수출상담에');
    expect(mail.text).toContain(`https://fairgate.example/meetings/${TOKEN}/surveys/${MEETING}`);
    expect(mail.text).toContain('김대중컨벤션센터');
    expect(mail.text.replace(/Fairgate|https?:\/\/\S+/g, '').match(/[A-Za-z]{2,}/g) ?? []).toEqual([]);
    expect(mail.html).toContain('<html lang="ko">');
  });
  it('writes English for an English reader', () => {
    const mail = renderMail(surveyMail, { ...params, contactName: 'Tran Minh' }, 'en', { publicUrl: 'https://fairgate.example' });
    expect(mail.subject).toBe('[Fairgate] How did your meeting with 하노이무역 go?');
    expect(mail.text).toContain('Dear Tran Minh,');
    expect(mail.text).toContain('(Thu 8 Jul 2027, 2:30 PM–3:00 PM)');
  });
});
