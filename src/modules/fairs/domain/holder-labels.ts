import type { SpaceHolder } from '../../venue/domain/space-holder';
import { editionName, type NamedEdition as Named } from './edition-name';

/**
 * How the venue names what the programme places in its spaces, when something else wants the
 * space (the migration VenueTruth writes the same words for the rows it books).
 */
export function conferenceSessionHolder(edition: Named, session: { id: string; titleEn: string; titleKo: string }): SpaceHolder {
  return {
    kind: 'conference-session',
    ref: `conference-session:${session.id}`,
    labelEn: `conference session '${session.titleEn}' of ${editionName(edition, 'en')}`,
    labelKo: `${editionName(edition, 'ko')} 학술회의 세션 '${session.titleKo}'`,
  };
}

export function meetingAreaHolder(edition: Named, meetingSessionId: string): SpaceHolder {
  return {
    kind: 'meeting-area',
    ref: `meeting-area:${meetingSessionId}`,
    labelEn: `export meetings of ${editionName(edition, 'en')}`,
    labelKo: `${editionName(edition, 'ko')} 수출상담회`,
  };
}

export function editionHallHolder(edition: Named & { id: string }, spaceId: string): SpaceHolder {
  return {
    kind: 'edition-hall',
    ref: `edition-hall:${edition.id}:${spaceId}`,
    labelEn: `${editionName(edition, 'en')}: exhibition with build-up and tear-down`,
    labelKo: `${editionName(edition, 'ko')} 전시회(설치·철거 포함)`,
  };
}
