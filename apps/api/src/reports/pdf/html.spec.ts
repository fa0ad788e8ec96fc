import { escapeHtml, html, trusted } from './html';

describe('escapeHtml', () => {
  it('turns every character that could open markup or close an attribute into an entity', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y' \`z\``)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39; &#96;z&#96;',
    );
  });

  it('leaves Urdu and other text alone', () => {
    expect(escapeHtml('حمزہ قریشی — Hamza')).toBe('حمزہ قریشی — Hamza');
  });
});

describe('html', () => {
  it('escapes an officer named <script> in element content', () => {
    const name = '<script>document.title="owned"</script>';
    const out = html`<td>${name}</td>`.markup;
    expect(out).toBe('<td>&lt;script&gt;document.title=&quot;owned&quot;&lt;/script&gt;</td>');
    expect(out).not.toContain('<script');
  });

  it('escapes values in attributes so they cannot break out of the quotes', () => {
    const title = '" onload="alert(1)';
    expect(html`<span title="${title}"></span>`.markup).toBe('<span title="&quot; onload=&quot;alert(1)"></span>');
  });

  it('keeps nested fragments, joins arrays, drops null, undefined and booleans', () => {
    const rows = ['<a>', 'b'].map((x) => html`<li>${x}</li>`);
    // prettier-ignore
    const list = html`<ul>${rows}${null}${undefined}${false}</ul>`;
    expect(list.markup).toBe('<ul><li>&lt;a&gt;</li><li>b</li></ul>');
  });

  it('prints numbers and passes trusted markup through', () => {
    // prettier-ignore
    const paragraph = html`<p>${0}${1.5}</p>${trusted('<br>')}`;
    expect(paragraph.markup).toBe('<p>01.5</p><br>');
  });
});
