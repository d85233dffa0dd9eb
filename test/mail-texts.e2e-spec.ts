import { mailTo, newApplicationForm, signUpExhibitor } from './support/exhibitors';
import { publishedMeetingDay, type LockedMeetings, type Participants } from './support/meetings';
import { location, PageClient } from './support/page-client';
import { bearer, startTestApp, TEST_ORGANIZER, type TestApp } from './support/test-app';

const APPROVED = 'exhibitor.application-status.approved';
const EDITOR = `/console/mail/texts/${APPROVED}/ko?edition=ppuri-2027`;

/**
 * Issue 15 part 5: an organizer rewords the Korean approval mail of one edition in the console; an
 * approval in that edition sends the new words (parsed from the SMTP sink), another edition keeps the
 * default, and a reset brings the default back.
 */
describe('editable email texts', () => {
  let t: TestApp;
  let org: PageClient;
  let organizer: string;

  beforeAll(async () => {
    t = await startTestApp();
    org = new PageClient(t);
    await org.login(TEST_ORGANIZER.email, TEST_ORGANIZER.password);
    organizer = await bearer(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A company's application in the edition, in Korean, approved by the organizer; returns the contact's address. */
  async function approveOne(edition: 'ppuri-2027' | 'iot-appliance-robot-2027'): Promise<string> {
    const ex = await signUpExhibitor(t);
    const form = edition === 'ppuri-2027' ? newApplicationForm({ submit: true }) : newApplicationForm({ submit: true, edition, hall: 'EXH2', productCategories: ['robots'] });
    const res = await t.http.post('/api/company/applications').set('Authorization', ex.auth).send(form).expect(201);
    const id = res.body.id as string;
    await t.db.pool.query(`UPDATE exhibitor_applications SET locale = 'ko', company_name = '빛고을<b>정밀</b> & {{status_url}}' WHERE id = $1`, [id]);
    await t.http.post(`/api/organizer/applications/${id}/start-review`).set('Authorization', organizer).expect(200);
    await t.http.post(`/api/organizer/applications/${id}/approve`).set('Authorization', organizer).expect(200);
    return (form.contact as { email: string }).email;
  }

  it('lists the email kinds in Korean with what sends each, and opens the editor with placeholders and a preview', async () => {
    const list = await org.get('/console/mail/texts?edition=ppuri-2027', 'ko');
    expect(list.status).toBe(200);
    expect(list.text).toContain('참가 신청 승인');
    expect(list.text).toContain('참가 신청을 승인할 때');
    expect(list.text).toContain(`href="/console/mail/texts/${APPROVED}/ko?edition=ppuri-2027"`);

    const editor = await org.get(EDITOR, 'ko');
    expect(editor.status).toBe(200);
    expect(editor.text).toContain('{{company_name}}');
    expect(editor.text).toContain('기본 문구 사용 중');
    expect(editor.text).toContain('<iframe sandbox="" title="HTML 본문" srcdoc="');
    expect(editor.text).toContain('축하합니다! {{company_name}}의 참가 신청이 승인되었습니다.');
    expect(editor.text).not.toMatch(/\b(AM|PM)\b/);
  });

  it('refuses an unknown placeholder and a dropped link next to the fields, keeping what was typed', async () => {
    await org.get(EDITOR, 'ko');
    const unknown = await org.post(EDITOR, { _csrf: org.csrf(), intent: 'save', subject: '{{compnay}} 승인', body: '안녕하세요 {{status_url}}' }, 'ko');
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain('알 수 없는 자리표시자: {{compnay}} — 사용할 수 있는 것: {{company_name}}, {{contact_name}}');
    expect(unknown.text).toContain('id="f-subject-error"');
    expect(unknown.text).toContain('value="{{compnay}} 승인"');

    const noLink = await org.post(EDITOR, { _csrf: org.csrf(), intent: 'save', subject: '승인', body: '링크 없이' }, 'ko');
    expect(noLink.status).toBe(400);
    expect(noLink.text).toContain('이 메일에 꼭 필요한 자리표시자가 빠졌습니다: {{status_url}}');
    expect(noLink.text).toContain('>링크 없이</textarea>');
    const rows = await t.db.pool.query(`SELECT 1 FROM mail_text_overrides`);
    expect(rows.rowCount).toBe(0);
  });

  it('previews, saves (audited), and an approval in that edition sends the new words while another edition sends the default; reset restores', async () => {
    const subject = '[뿌리 2027] {{company_name}} 참가 확정';
    const body = '**{{company_name}}** 참가가 확정되었습니다. 부스 안내는 곧 드립니다.\n\n신청 현황: {{status_url}}';
    await org.get(EDITOR, 'ko');
    const preview = await org.post(EDITOR, { _csrf: org.csrf(), intent: 'preview', subject, body }, 'ko');
    expect(preview.status).toBe(200);
    expect(preview.text).toContain('[뿌리 2027] 빛고을정밀 주식회사 참가 확정');

    const saved = await org.post(EDITOR, { _csrf: org.csrf(), intent: 'save', subject, body }, 'ko');
    expect(saved.status).toBe(303);
    const after = await org.get(location(saved), 'ko');
    expect(after.text).toContain('저장했습니다.');
    expect(after.text).toContain('수정한 문구 사용 중');
    const audit = await t.db.pool.query(`SELECT action, subject_id, after FROM audit_entries WHERE action = 'mail-text.save'`);
    expect(audit.rows).toEqual([{ action: 'mail-text.save', subject_id: `${APPROVED}/ko`, after: { subject, body } }]);

    const edited = await mailTo(t, await approveOne('ppuri-2027'), /참가 확정/);
    expect(edited.parsed.subject).toBe('[뿌리 2027] 빛고을<b>정밀</b> & {{status_url}} 참가 확정');
    expect(edited.parsed.text).toContain('빛고을<b>정밀</b> & {{status_url}} 참가가 확정되었습니다.');
    expect(edited.parsed.text).toMatch(/신청 현황: http\S+\/exhibitor\/applications\//);
    expect(edited.parsed.html).toContain('<strong>빛고을&lt;b&gt;정밀&lt;/b&gt; &amp; {{status_url}}</strong> 참가가 확정되었습니다.');
    expect(edited.parsed.html).not.toContain('<b>정밀');
    expect(edited.parsed.text).toContain('신청 번호:'); // the table stays from code

    const other = await mailTo(t, await approveOne('iot-appliance-robot-2027'), /참가 신청 승인/);
    expect(other.parsed.text).toContain('축하합니다!');
    expect(other.parsed.text).not.toContain('참가 확정');

    await org.get(location(saved), 'ko');
    const reset = await org.post(EDITOR, { _csrf: org.csrf(), intent: 'reset' }, 'ko');
    expect(reset.status).toBe(303);
    expect((await org.get(location(reset), 'ko')).text).toContain('기본 문구 사용 중');
    expect((await t.db.pool.query(`SELECT action FROM audit_entries WHERE action = 'mail-text.reset'`)).rowCount).toBe(1);
    const back = await mailTo(t, await approveOne('ppuri-2027'), /참가 신청 승인/);
    expect(back.parsed.subject).toBe('[Fairgate] 참가 신청 승인: 2027 국제뿌리산업전시회');
    expect(back.parsed.text).toContain('축하합니다!');
  });

  it('answers the API: list, read, a refused save names the placeholder, save, preview, reset', async () => {
    const api = (method: 'get' | 'put' | 'delete' | 'post', path: string) => t.http[method](`/api/editions/ppuri-2027/mail-texts${path}`).set('Authorization', organizer);
    const list = await api('get', '').expect(200);
    expect(list.body.items.map((k: { key: string }) => k.key)).toContain(APPROVED);
    const read = await api('get', `/${APPROVED}/en`).expect(200);
    expect(read.body).toMatchObject({ isDefault: true, subject: '[Fairgate] Application {{status}}: {{edition_name}}' });
    const refused = await api('put', `/${APPROVED}/en`).send({ subject: 'Hi {{compnay}}', body: '{{status_url}}' }).expect(400);
    expect(refused.body.errors).toEqual([{ field: 'subject', messages: [expect.stringContaining('Unknown placeholder: {{compnay}}')] }]);
    await api('put', `/${APPROVED}/xx`).send({ subject: 'x', body: '{{status_url}}' }).expect(400);
    await api('get', `/no.such-kind/en`).expect(404);
    const saved = await api('put', `/${APPROVED}/en`).send({ subject: 'Welcome {{company_name}}\r\nBcc: x@evil', body: 'In! {{status_url}}' }).expect(200);
    expect(saved.body).toMatchObject({ isDefault: false, updatedBy: TEST_ORGANIZER.email });
    const preview = await api('post', `/${APPROVED}/en/preview`).send({ subject: 'Welcome {{company_name}}\r\nBcc: x@evil', body: 'In! {{status_url}}' }).expect(200);
    expect(preview.body.subject).toBe('Welcome 빛고을정밀 주식회사 Bcc: x@evil');
    expect(preview.body.html).toContain('<p>In! <a href="https://');
    const reset = await api('delete', `/${APPROVED}/en`).expect(200);
    expect(reset.body.isDefault).toBe(true);
  });

  it('sends an edition\'s edited agenda words with the meeting list and the .ics file still there; the other language keeps the default', async () => {
    const list = await t.http.get('/api/editions/green-car-2027/mail-texts').set('Authorization', organizer).expect(200);
    expect(list.body.items.map((k: { key: string }) => k.key)).toEqual(expect.arrayContaining([
      'meetings.agenda.published', 'meetings.agenda.updated', 'meetings.meeting-change', 'meetings.request-digest', 'attendees.itinerary.full', 'attendees.itinerary.update', 'venue.booking-confirmed',
    ]));
    const editor = await org.get('/console/mail/texts/meetings.agenda.updated/ko?edition=green-car-2027', 'ko');
    expect(editor.status).toBe(200);
    expect(editor.text).toContain('수출상담 일정이 변경되었습니다. 현재 일정은 다음과 같습니다 (한국 시간):');
    expect(editor.text).not.toMatch(/\b(AM|PM)\b/);

    const kind = '/api/editions/green-car-2027/mail-texts/meetings.agenda.published/ko';
    await t.http.put(kind).set('Authorization', organizer)
      .send({ subject: '[그린카 2027] {{company_name}} 상담 {{meeting_count}}건 확정', body: '**{{participant_name}}** 님의 상담 일정입니다.\n\n상담 20분 전까지 도착해 주세요.' })
      .expect(200);
    const people: Participants = [
      ['rheinland', {
        side: 'buyer', companyName: 'Rheinland Antrieb GmbH', country: 'DE', identifierKind: 'eu-vat', identifier: 'DE123456789',
        contactName: 'Jonas Becker', email: 'jonas@rheinland.example', languages: ['en'], interests: ['ev-powertrain'], tableCode: 'T01', locale: 'en',
      }],
      ['mudeung', {
        side: 'exhibitor', companyName: '무등<b>금형</b>', country: 'KR', identifierKind: 'kr-brn', identifier: '220-81-62517',
        contactName: '이준', email: 'jun@mudeung.example', languages: ['ko', 'en'], interests: ['ev-powertrain'], locale: 'ko',
      }],
    ];
    const plan: LockedMeetings = [['rheinland', 'mudeung', 'D2027-07-08-1000', 'T01']];
    await publishedMeetingDay(t, organizer, { tables: ['T01'], people, plan });

    const edited = await t.smtp.waitForSubject(/^\[그린카 2027\]/);
    expect(edited.envelopeTo).toEqual(['jun@mudeung.example']);
    expect(edited.parsed.subject).toBe('[그린카 2027] 무등<b>금형</b> 상담 1건 확정');
    expect(edited.parsed.text).toContain('이준 님의 상담 일정입니다.\n\n상담 20분 전까지 도착해 주세요.');
    expect(edited.parsed.html).toContain('<p><strong>이준</strong> 님의 상담 일정입니다.</p><p>상담 20분 전까지 도착해 주세요.</p>');
    expect(edited.parsed.text).toContain('Rheinland Antrieb GmbH'); // the meeting list stays from code
    expect(edited.parsed.text).not.toContain('수출상담 일정은 다음과 같습니다');
    const ics = edited.parsed.attachments.filter((a) => a.contentType === 'text/calendar');
    expect(ics).toHaveLength(1);
    expect(ics[0].content.toString('utf8')).toContain('METHOD:REQUEST');

    const english = await t.smtp.waitForSubject(/^\[Fairgate\] Your export meeting agenda: /);
    expect(english.parsed.text).toContain('Here are your export business meetings (times in Korea, UTC+9):');
    expect(english.parsed.attachments.filter((a) => a.contentType === 'text/calendar')).toHaveLength(1);
  }, 120_000);
});
