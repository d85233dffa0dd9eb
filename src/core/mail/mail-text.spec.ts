import fc from 'fast-check';
import { checkMailText, describeMailTextProblem, headerSafe, renderMailText, SUBJECT_MAX, type MailPlaceholder } from './mail-text';

const PLACEHOLDERS: MailPlaceholder[] = [
  { name: 'company_name', description: { ko: '회사', en: 'Company' } },
  { name: 'other', description: { ko: '다른 값', en: 'Other' } },
  { name: 'status_url', description: { ko: '링크', en: 'Link' }, kind: 'url', required: true },
];
const VALUES = { company_name: '빛고을정밀', other: 'OTHER', status_url: 'https://fairgate.example/a?x=1&y=2' };

describe('renderMailText: an organizer text with the message values, in one pass', () => {
  it('makes paragraphs of blank-line blocks, <br> of single breaks, <strong> of **bold**, a link of a url placeholder', () => {
    const out = renderMailText({ subject: '[{{company_name}}] 승인', body: '**축하합니다!** {{company_name}}\n둘째 줄\n\n링크:\n{{status_url}}' }, PLACEHOLDERS, VALUES);
    expect(out.subject).toBe('[빛고을정밀] 승인');
    expect(out.html.value).toBe('<p><strong>축하합니다!</strong> 빛고을정밀<br>둘째 줄</p><p>링크:<br><a href="https://fairgate.example/a?x=1&amp;y=2">https://fairgate.example/a?x=1&amp;y=2</a></p>');
    expect(out.text).toBe('축하합니다! 빛고을정밀\n둘째 줄\n\n링크:\nhttps://fairgate.example/a?x=1&y=2');
  });

  it('escapes hostile values in the HTML part and keeps them as written in the text part', () => {
    const evil = `<script>alert(1)</script> "><img src=x onerror=alert(1)> Kim & Lee's`;
    const out = renderMailText({ subject: 's', body: '{{company_name}} **{{company_name}}**' }, PLACEHOLDERS, { ...VALUES, company_name: evil });
    expect(out.html.value).not.toMatch(/<script|<img/);
    expect(out.html.value).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt; Kim &amp; Lee&#39;s');
    expect(out.text).toBe(`${evil} ${evil}`);
  });

  it('never turns a value into a header: CR, LF, NUL and other control characters leave the subject', () => {
    const out = renderMailText({ subject: 'Hi {{company_name}}', body: 'x {{status_url}}' }, PLACEHOLDERS, { ...VALUES, company_name: 'A\r\nBcc: x@evil\u0000\u0007\u2028B' });
    expect(out.subject).toBe('Hi A Bcc: x@evil B');
    expect(out.subject).not.toMatch(/[\r\n\u0000]/);
  });

  it('caps the subject', () => {
    const out = renderMailText({ subject: '{{company_name}}', body: '{{status_url}}' }, PLACEHOLDERS, { ...VALUES, company_name: '가'.repeat(500) });
    expect([...out.subject]).toHaveLength(SUBJECT_MAX);
  });

  it('expands once: a value holding {{other}} or ** stays as written', () => {
    const out = renderMailText({ subject: '{{company_name}}', body: '{{company_name}}' }, PLACEHOLDERS, { ...VALUES, company_name: '{{other}} **b**' });
    expect(out.subject).toBe('{{other}} **b**');
    expect(out.text).toBe('{{other}} **b**');
    expect(out.html.value).toBe('<p>{{other}} **b**</p>');
  });

  it('links only web addresses: a javascript: value in a url placeholder is text', () => {
    const out = renderMailText({ subject: 's', body: '{{status_url}}' }, PLACEHOLDERS, { ...VALUES, status_url: 'javascript:alert(1)' });
    expect(out.html.value).toBe('<p>javascript:alert(1)</p>');
  });

  it('keeps an unpaired ** as text', () => {
    expect(renderMailText({ subject: 's', body: 'a ** b' }, PLACEHOLDERS, VALUES).html.value).toBe('<p>a ** b</p>');
  });

  it('property: for any values, no tag but its own, no line break in the subject, values verbatim in the text part', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string(), fc.oneof(fc.webUrl(), fc.string({ unit: 'binary' })), (company, other, url) => {
        const values = { company_name: company, other, status_url: url };
        const out = renderMailText({ subject: '{{company_name}} {{other}}', body: '{{company_name}}\n\n{{other}} {{status_url}}' }, PLACEHOLDERS, values);
        expect(out.subject).not.toMatch(/[\u0000-\u001f\u007f\u2028\u2029]/);
        expect([...out.subject].length).toBeLessThanOrEqual(SUBJECT_MAX);
        const tags = out.html.value.match(/<[^>]*>/g) ?? [];
        for (const tag of tags) expect(tag).toMatch(/^<(\/?p|br|\/a|a href="[^"<>]*")>$/);
        expect(out.text).toBe(`${company}\n\n${other} ${url}`);
      }),
      { numRuns: 200 },
    );
  });
});

describe('checkMailText: what a save refuses', () => {
  it('names an unknown placeholder and lists the available ones (Korean and English)', () => {
    const problems = checkMailText({ subject: '{{compnay}}', body: '{{status_url}}' }, PLACEHOLDERS);
    expect(problems).toEqual([{ field: 'subject', code: 'unknown', placeholder: '{{compnay}}', available: ['{{company_name}}', '{{other}}', '{{status_url}}'] }]);
    expect(describeMailTextProblem(problems[0], 'ko')).toBe('알 수 없는 자리표시자: {{compnay}} — 사용할 수 있는 것: {{company_name}}, {{other}}, {{status_url}}');
    expect(describeMailTextProblem(problems[0], 'en')).toContain('Unknown placeholder: {{compnay}}');
  });

  it('refuses a body that drops a required placeholder', () => {
    expect(checkMailText({ subject: 's', body: 'no link here' }, PLACEHOLDERS)).toEqual([{ field: 'body', code: 'missing', placeholder: '{{status_url}}' }]);
  });

  it('refuses empty and too long fields, and odd spellings of a slot', () => {
    expect(checkMailText({ subject: ' ', body: '{{status_url}}' }, PLACEHOLDERS)).toEqual([{ field: 'subject', code: 'empty' }]);
    expect(checkMailText({ subject: 'x'.repeat(201), body: '{{status_url}}' }, PLACEHOLDERS)[0]).toMatchObject({ field: 'subject', code: 'too-long' });
    expect(checkMailText({ subject: 's', body: '{{status_url}} {{Company_Name}}' }, PLACEHOLDERS)[0]).toMatchObject({ code: 'unknown', placeholder: '{{Company_Name}}' });
  });

  it('accepts a text with known placeholders, spaces inside the braces allowed', () => {
    expect(checkMailText({ subject: '{{ company_name }}', body: '**{{other}}**\n\n{{status_url}}' }, PLACEHOLDERS)).toEqual([]);
  });
});

describe('headerSafe', () => {
  it('keeps Korean and drops control characters', () => {
    expect(headerSafe('참가\t신청\r\n승인\u0085')).toBe('참가 신청 승인');
  });
});
