import { html, htmlFrame, renderMail, type MailTemplate } from './mail-template';

const hello: MailTemplate<{ name: string }> = {
  name: 'test.hello',
  render: (p, locale) => ({ subject: 'hi', text: `${p.name}\n\n`, html: htmlFrame(locale, 'hi', html`<p>${p.name}</p>`) }),
};

describe('every email ends with the sender, in its own language', () => {
  it('a Korean email has a Korean footer in both parts, with no English sentence', () => {
    const mail = renderMail(hello, { name: '김민준 님' }, 'ko', { publicUrl: 'https://x.example' });
    expect(mail.html).toContain('광주광역시 서구 상무누리로 30');
    expect(mail.html).not.toContain('Convention Center');
    expect(mail.text).toMatch(/^김민준 님\n\n-- \n김대중컨벤션센터 · 광주광역시 서구 상무누리로 30\n/);
  });

  it('an English email has an English footer', () => {
    const mail = renderMail(hello, { name: 'Min-jun Kim' }, 'en', { publicUrl: 'https://x.example' });
    expect(mail.html).toContain('Sangmunuri-ro');
    expect(mail.text).toContain('-- \nKim Dae-jung Convention Center');
  });
});
