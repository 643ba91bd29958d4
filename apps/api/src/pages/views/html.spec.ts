import { html, SafeHtml } from './html';

describe('html templates', () => {
  it('escapes every interpolated text, attributes included, and keeps nested templates as they are', () => {
    const name = `<script>alert("x")</script> & 'Đông Phố Mới'`;
    const cell = html`<td title="${name}">${name}</td>`;
    expect(html`<tr>${cell}</tr>`.text).toBe(
      '<tr><td title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Đông Phố Mới&#39;">' +
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Đông Phố Mới&#39;</td></tr>',
    );
  });

  it('joins lists and leaves out null, undefined and false but not 0', () => {
    expect(html`<ul>${['a', 'b'].map((x) => html`<li>${x}</li>`)}</ul>${null}${undefined}${false}${0}`.text).toBe(
      '<ul><li>a</li><li>b</li></ul>0',
    );
    expect(new SafeHtml('<b>').toString()).toBe('<b>');
  });
});
