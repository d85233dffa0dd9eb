import { attendeeLinkMail, type AttendeeLinkParams } from './attendee-link.mail';

const params: AttendeeLinkParams = {
  name: 'Kim <b>', editionNameKo: '2027 뿌리산업전', editionNameEn: '2027 PPURI Fair', badgeCode: 'FG-AB23-CD45',
  days: ['2027-04-28'], accessPath: '/attendee/tok', reason: 'registered', confirmed: false,
};

describe('attendee link mail', () => {
  it.each(['ko', 'en'] as const)('renders %s in HTML and text with the link and the badge code, names escaped', (locale) => {
    const mail = attendeeLinkMail.render(params, locale, { publicUrl: 'https://fair.example' });
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain('https://fair.example/attendee/tok');
      expect(body).toContain('FG-AB23-CD45');
    }
    expect(mail.html).toContain('Kim &lt;b&gt;');
    expect(mail.html).not.toContain('<b>');
    expect(mail.subject).toMatch(locale === 'ko' ? /확인해 주세요/ : /confirm your registration/);
  });

  it('says the same link was sent again (still valid), or that a replaced one is void', () => {
    const resent = attendeeLinkMail.render({ ...params, reason: 'resent', confirmed: true }, 'en', { publicUrl: '' }).text;
    expect(resent).toMatch(/same link as before/);
    expect(resent).not.toMatch(/no longer works/);
    expect(attendeeLinkMail.render({ ...params, reason: 'resent', confirmed: true }, 'ko', { publicUrl: '' }).text).toMatch(/그대로 사용할 수 있습니다/);
    expect(attendeeLinkMail.render({ ...params, reason: 'replaced', confirmed: true }, 'en', { publicUrl: '' }).text).toMatch(/previous link no longer works/);
  });
});
