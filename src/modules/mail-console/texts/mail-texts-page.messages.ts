import type { Catalogue } from '../../../core/web/i18n';

type Word =
  | 'title' | 'intro' | 'pickEdition' | 'noEditions' | 'kind' | 'trigger' | 'korean' | 'english' | 'edited' | 'default'
  | 'editTitle' | 'back' | 'subject' | 'body' | 'bodyHint' | 'placeholders' | 'placeholder' | 'meaning' | 'sample' | 'required'
  | 'save' | 'preview' | 'reset' | 'resetHint' | 'previewTitle' | 'previewSubject' | 'previewHtml' | 'previewText'
  | 'saved' | 'resetDone' | 'errorsSummary' | 'isDefault' | 'isEdited' | 'language' | 'otherLanguage' | 'textsLink';

export const MAIL_TEXTS_WORDS: Catalogue<Word> = {
  ko: {
    title: '메일 문구', intro: '전시회마다 메일의 제목과 본문을 한국어와 영어로 고칠 수 있습니다. 고치지 않은 메일은 기본 문구로 나갑니다.',
    pickEdition: '전시회를 고르세요', noEditions: '전시회가 없습니다.', kind: '메일 종류', trigger: '보내는 때', korean: '한국어', english: '영어',
    edited: '수정됨', default: '기본 문구', editTitle: '{kind} — {language}', back: '메일 문구 목록', subject: '제목', body: '본문',
    bodyHint: '빈 줄로 문단을 나눕니다. **굵게** 쓸 수 있습니다. 링크는 링크 자리표시자로만 넣습니다. 인사말, 표, 첨부 파일, 바닥글은 그대로 붙습니다.',
    placeholders: '쓸 수 있는 자리표시자', placeholder: '자리표시자', meaning: '뜻', sample: '미리 보기 값', required: '꼭 필요',
    save: '저장', preview: '미리 보기', reset: '기본 문구로 되돌리기', resetHint: '이 전시회의 이 언어 문구를 지우고 기본 문구를 씁니다.',
    previewTitle: '미리 보기 (예시 데이터로, 보낼 때와 똑같이)', previewSubject: '제목', previewHtml: 'HTML 본문', previewText: '텍스트 본문',
    saved: '저장했습니다. 다음 메일부터 이 문구가 쓰입니다 (발송 작업자에는 30초 안에 반영).', resetDone: '기본 문구로 되돌렸습니다.',
    errorsSummary: '저장하지 못했습니다. 아래 항목을 고쳐 주세요.', isDefault: '기본 문구 사용 중', isEdited: '수정한 문구 사용 중 ({by}, {at})',
    language: '언어', otherLanguage: '다른 언어', textsLink: '메일 문구 고치기',
  },
  en: {
    title: 'Email texts', intro: 'For each edition, organizers can reword the subject and text of its emails in Korean and English. An email nobody edited goes out with the default text.',
    pickEdition: 'Choose an edition', noEditions: 'There are no editions.', kind: 'Email', trigger: 'Sent when', korean: 'Korean', english: 'English',
    edited: 'edited', default: 'default', editTitle: '{kind} — {language}', back: 'Email texts', subject: 'Subject', body: 'Text',
    bodyHint: 'A blank line starts a paragraph. **Bold** is allowed. Links come only from link placeholders. The greeting, tables, attachments and footer are added as before.',
    placeholders: 'Placeholders you can use', placeholder: 'Placeholder', meaning: 'Meaning', sample: 'Preview value', required: 'required',
    save: 'Save', preview: 'Preview', reset: 'Reset to default', resetHint: "Removes this edition's text in this language; the default text applies again.",
    previewTitle: 'Preview (sample data, exactly as sent)', previewSubject: 'Subject', previewHtml: 'HTML part', previewText: 'Text part',
    saved: 'Saved. The next emails use this text (the mail workers within 30 seconds).', resetDone: 'Back to the default text.',
    errorsSummary: 'Not saved. Please correct the fields below.', isDefault: 'Default text in use', isEdited: 'Edited text in use ({by}, {at})',
    language: 'Language', otherLanguage: 'Other language', textsLink: 'Edit email texts',
  },
};
