// The report's style sheet and script, kept apart from the markup code.
//
// Colour never carries meaning alone: each category also has its own
// underline style, each change a symbol and a word, deletions are struck
// through and insertions overlined. The script only enhances: evidence
// highlighting, category filters, opening <details> for printing.
#include "report/html_assets.h"

namespace cd::report {

const std::vector<CategoryStyle>& category_styles() {
  static const std::vector<CategoryStyle> styles = {
      {"obligation", "obligation", "the force of an undertaking (shall, will assist, will seek)",
       "#1d4ed8", "#7aa7ff", "solid"},
      {"permission", "permission", "a permission or reserved right (may, is entitled to)",
       "#0f766e", "#4fd1c5", "dashed"},
      {"prohibition", "prohibition", "a negative duty (shall not)", "#7c2d12", "#fdba74", "double"},
      {"trigger_frame", "trigger frame", "how the triggering event is construed", "#7e22ce",
       "#d8a4ff", "double"},
      {"trigger", "trigger", "the triggering event and its restrictions", "#c81e1e", "#ff8a8a",
       "solid"},
      {"geo_scope", "geographic scope", "where the attack must happen, or whom it must hit",
       "#15803d", "#6ee7a0", "dashed"},
      {"discretion", "discretion", "who decides what the duty requires", "#c2410c", "#ffa166",
       "wavy"},
      {"means", "means", "what the assistance consists of", "#0369a1", "#67c7f5", "dotted"},
      {"domestic_process", "domestic process", "a constitutional or legislative step", "#4d7c0f",
       "#b5e36b", "dotted"},
      {"temporal", "temporal", "immediacy, duration, dependence on another body", "#a16207",
       "#f5cc4f", "double"},
      {"procedure", "procedure", "steps required before the response", "#be185d", "#f98cc0",
       "dashed"},
      {"exception", "exception", "savings clauses, conditions, exemptions", "#9f1239", "#ff9db5",
       "wavy"},
      {"obligor", "obligor", "who is bound", "#4338ca", "#a5a8ff", "dotted"},
      {"bindingness", "bindingness", "the instrument's legal form", "#475569", "#b8c4d4", "solid"},
      {"hedge", "hedge", "a report's epistemic weakening (reportedly, could, draft)", "#6b7280",
       "#c2c8d0", "wavy"},
      {"vagueness", "vagueness", "standards that need judgement, open lists", "#854d0e", "#e3b574",
       "dashed"},
      {"other", "other", "a category this report does not know", "#52525b", "#c4c4cc", "dotted"},
  };
  return styles;
}

const CategoryStyle& category_style(std::string_view id) {
  for (const auto& s : category_styles()) {
    if (id == s.id) return s;
  }
  return category_styles().back();
}

namespace {

constexpr std::string_view kBaseCss = R"CSS(
:root{color-scheme:light dark;--bg:#fff;--fg:#1b1f24;--muted:#4f5864;--line:#cfd6de;--card:#f5f7f9;
--accent:#0b57d0;--weaker-bg:#fde3df;--weaker-fg:#7f1d12;--weaker-line:#d64532;--stronger-bg:#daf3e0;
--stronger-fg:#11502a;--stronger-line:#2f9e55;--neutral-bg:#e4ebf5;--neutral-fg:#1d3a62;--neutral-line:#6a8bbd;
--ev:#fff09a;--ev-line:#a16900;--del-bg:#ffe5e2;--ins-bg:#def7e5;--mv-bg:#e8e2ff;--badge-bg:#fff1c7;
--badge-fg:#6b4200;--badge-line:#d59b00;--tip-bg:#1b1f24;--tip-fg:#fff}
@media (prefers-color-scheme:dark){:root{--bg:#0f1419;--fg:#e6edf3;--muted:#a8b3bf;--line:#39424d;
--card:#171e26;--accent:#8ab4ff;--weaker-bg:#4a1a16;--weaker-fg:#ffd2cb;--weaker-line:#ff7a66;
--stronger-bg:#113722;--stronger-fg:#c4f3d3;--stronger-line:#52c27b;--neutral-bg:#1d2b40;
--neutral-fg:#cfe0f8;--neutral-line:#7ea2da;--ev:#5c4a00;--ev-line:#ffd23f;--del-bg:#4d1f1b;
--ins-bg:#15391f;--mv-bg:#2f2654;--badge-bg:#4a3500;--badge-fg:#ffe49a;--badge-line:#c99700;
--tip-bg:#e6edf3;--tip-fg:#0f1419}}
*{box-sizing:border-box}
html{scroll-padding-top:1rem}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif}
a{color:var(--accent)}
a:focus-visible,button:focus-visible,[tabindex]:focus-visible,input:focus-visible,summary:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:var(--bg);padding:.5rem 1rem;z-index:10}
.skip:focus{left:1rem}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.page{max-width:80rem;margin:0 auto;padding:0 1.25rem}
header.top{border-bottom:1px solid var(--line);padding:1.25rem 0 1rem}
header.top h1{font-size:1.6rem;line-height:1.25;margin:.2rem 0 .5rem}
.eyebrow{margin:0;color:var(--muted);font-size:.85rem;letter-spacing:.04em;text-transform:uppercase}
.lede{max-width:60rem;margin:.25rem 0}
nav.toc{border-bottom:1px solid var(--line);padding:.5rem 0;font-size:.92rem}
nav.toc ol{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem}
main{padding-bottom:3rem}
h2{font-size:1.35rem;margin:2rem 0 .6rem;line-height:1.3}
h3{font-size:1.1rem;margin:1.4rem 0 .5rem}
h4{font-size:1rem;margin:1rem 0 .4rem}
.scroll{position:relative;overflow-x:auto;border:1px solid var(--line);border-radius:6px}
table.matrix{border-collapse:collapse;width:100%;font-size:.85rem}
.matrix caption{text-align:left;padding:.5rem .75rem;font-weight:600}
.matrix th,.matrix td{border-top:1px solid var(--line);padding:.35rem .3rem;vertical-align:top}
.matrix thead th{font-weight:600;text-align:center;background:var(--card);width:4.6rem;font-size:.78rem;line-height:1.2}
.matrix thead th:first-child{text-align:left}
.matrix tbody th{text-align:left;font-weight:600;min-width:11rem;width:13rem;background:var(--card);padding-left:.5rem}
.matrix td{text-align:center;line-height:1.25;font-size:.8rem}
.matrix tbody th,.matrix thead th:first-child{position:sticky;left:0;z-index:1}
.matrix td .sym{display:block;font-size:1.05rem}
.matrix td.none{color:var(--muted)}
.matrix td.unaligned-row{text-align:left;font-style:italic}
.pol-weaker{background:var(--weaker-bg);color:var(--weaker-fg)}
.pol-stronger{background:var(--stronger-bg);color:var(--stronger-fg)}
.pol-neutral{background:var(--neutral-bg);color:var(--neutral-fg)}
.matrix td.pol-weaker{box-shadow:inset 0 -3px 0 var(--weaker-line)}
.matrix td.pol-stronger{box-shadow:inset 0 -3px 0 var(--stronger-line)}
.badge{display:inline-block;font-size:.72rem;font-weight:700;letter-spacing:.03em;text-transform:uppercase;
padding:.05rem .45rem;border:1px solid var(--badge-line);border-radius:999px;background:var(--badge-bg);
color:var(--badge-fg);vertical-align:middle;white-space:nowrap}
.summaries{list-style:none;padding:0;margin:1rem 0;display:grid;gap:.75rem}
.summaries li{border:1px solid var(--line);border-left:5px solid var(--neutral-line);border-radius:6px;padding:.6rem .85rem;background:var(--card)}
.summaries li.lead-weaker{border-left-color:var(--weaker-line)}
.summaries li.lead-stronger{border-left-color:var(--stronger-line)}
.summaries p{margin:.25rem 0 0}
.key{display:flex;flex-wrap:wrap;gap:.35rem .9rem;margin:.6rem 0;padding:0;list-style:none;font-size:.88rem}
.key .chip{display:inline-block;padding:0 .4rem;border-radius:4px}
.legend{list-style:none;padding:0;margin:.5rem 0;display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));gap:.35rem 1rem;font-size:.9rem}
.legend .cue{font-weight:600}
#filters{border:1px solid var(--line);border-radius:6px;padding:.5rem .8rem;margin:.75rem 0}
#filters label{display:inline-block;margin:.15rem .9rem .15rem 0;font-size:.9rem}
section.doc{border-top:3px solid var(--line);margin-top:2.5rem}
dl.prov{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;font-size:.88rem;margin:.5rem 0;color:var(--muted)}
dl.prov dt{font-weight:600;color:var(--fg)}
dl.prov dd{margin:0;overflow-wrap:anywhere}
details>summary{cursor:pointer;color:var(--accent)}
.doc-summary{font-size:1.02rem;max-width:62rem}
article.pair{border:1px solid var(--line);border-radius:8px;padding:.25rem 1rem 1rem;margin:1.25rem 0;background:var(--bg)}
.pair-meta{color:var(--muted);font-size:.85rem;margin:0 0 .5rem}
.sbs{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
.side{border:1px solid var(--line);border-radius:6px;padding:.5rem .8rem;background:var(--card);min-width:0}
.side h4{margin:.2rem 0 .4rem;font-size:.88rem;color:var(--muted);font-weight:600}
details.fold>summary{font-size:.9rem;margin:.2rem 0}
.ulabel{font-weight:700;margin:.4rem 0 .1rem;font-size:.9rem}
.txt{white-space:pre-wrap;overflow-wrap:anywhere;font-family:Georgia,"Times New Roman","DejaVu Serif",serif;font-size:1.02rem;line-height:1.9;margin:0}
.cue{text-decoration-line:underline;text-decoration-thickness:2px;text-underline-offset:.22em;text-decoration-skip-ink:none;background:color-mix(in srgb,var(--k) 13%,transparent);border-radius:2px}
.cue[tabindex]{position:relative;cursor:help}
.cue[tabindex]:focus-visible::after{content:attr(data-tip);position:absolute;left:0;top:calc(100% + 4px);z-index:20;width:max-content;max-width:min(22rem,80vw);white-space:normal;background:var(--tip-bg);color:var(--tip-fg);font:500 .8rem/1.35 system-ui,sans-serif;padding:.35rem .5rem;border-radius:4px;text-decoration:none}
del{background:var(--del-bg);text-decoration:line-through 1px;color:inherit}
ins{background:var(--ins-bg);text-decoration:overline 1px;color:inherit}
.side del,del.sd{text-decoration:overline 1px}
.side del,.side ins,del.sd{text-decoration-color:color-mix(in srgb,currentColor 45%,transparent)}
del.mv,ins.mv,.side del.mv{background:var(--mv-bg);text-decoration-style:dotted}
.nodiff .side del,.nodiff .side ins{background:none;text-decoration:none}
.ev.on,.ev:target{background:var(--ev);outline:2px solid var(--ev-line);outline-offset:1px;border-radius:2px}
.evref{font:700 .66rem/1 system-ui,sans-serif;vertical-align:super;text-decoration:none;margin:0 .1rem;padding:0 .18rem;border:1px solid var(--line);border-radius:3px;color:var(--muted)}
ol.deltas{padding-left:1.6rem;margin:.4rem 0}
li.delta{margin:.45rem 0;padding:.35rem .55rem;border-radius:6px;border:1px solid transparent}
li.delta:target{border-color:var(--ev-line)}
li.delta.active{border-color:var(--ev-line);background:color-mix(in srgb,var(--ev) 40%,transparent)}
.dhead{display:inline-flex;flex-wrap:wrap;align-items:baseline;gap:.4rem}
.chg{display:inline-block;padding:0 .4rem;border-radius:4px;font-size:.85rem;font-weight:600}
a.dlink{font-weight:600}
.expl{margin:.15rem 0}
.evl{margin:.15rem 0;font-size:.88rem;color:var(--muted)}
.evl q.ev{color:var(--fg)}
.para{font-size:.92rem;margin:.5rem 0}
.muted{color:var(--muted)}
.inline-diff{margin-top:.6rem}
.variance{border-left:4px solid var(--neutral-line);padding:.1rem .8rem;margin:.6rem 0}
.variance.v-substantive{border-left-color:var(--weaker-line)}
.variants{font-size:.9rem;margin:.25rem 0;padding-left:1.2rem}
.unaligned li{margin:.2rem 0}
footer{border-top:1px solid var(--line);padding:1rem 0 2rem;color:var(--muted);font-size:.85rem}
@media (max-width:760px){.sbs{grid-template-columns:1fr}.page{padding:0 .75rem}header.top h1{font-size:1.3rem}
.matrix tbody th{min-width:8.5rem;width:8.5rem}article.pair{padding:.25rem .6rem .8rem}ol.deltas{padding-left:1.3rem}li.delta{padding:.3rem .35rem}dl.prov{grid-template-columns:1fr}dl.prov dd{margin-bottom:.3rem}}
@media print{:root{color-scheme:light}body{font-size:10pt;background:#fff;color:#000}
nav.toc,#filters,.skip{display:none!important}*{print-color-adjust:exact;-webkit-print-color-adjust:exact}
.side,li.delta,.summaries li,tr,.pair h3{break-inside:avoid}.pair h3{break-after:avoid}.scroll{overflow:visible;border:0}.page{max-width:none}
a{color:inherit;text-decoration:none}.evref{border:0}}
)CSS";

constexpr std::string_view kScript = R"JS(
(function () {
  'use strict';
  var doc = document, root = doc.documentElement;
  root.classList.add('js');
  var active = null;
  function clear() {
    if (!active) return;
    active.li.classList.remove('active');
    active.li.removeAttribute('aria-current');
    active.marks.forEach(function (m) { m.classList.remove('on'); });
    active = null;
  }
  // Activating a delta lights up all its evidence, on both sides of the pair.
  doc.addEventListener('click', function (e) {
    var link = e.target.closest ? e.target.closest('a.dlink, a.evref') : null;
    if (!link) return;
    var fromText = link.classList.contains('evref');
    // A delta's own link, or the numbered back link after a piece of evidence.
    var li = fromText ? doc.getElementById(link.getAttribute('href').slice(1)) : link.closest('li.delta');
    if (!li) return;
    if (fromText && active && active.li === li) return;
    if (!fromText) e.preventDefault();
    var again = active && active.li === li;
    clear();
    if (again) return;
    var marks = Array.prototype.slice.call(doc.querySelectorAll('.ev[data-d="' + li.id + '"]'));
    marks.forEach(function (m) {
      m.classList.add('on');
      var fold = m.closest('details');
      if (fold) fold.open = true;
    });
    li.classList.add('active');
    li.setAttribute('aria-current', 'true');
    active = { li: li, marks: marks };
    if (marks.length && !fromText) marks[0].scrollIntoView({ block: 'center' });
  });
  doc.addEventListener('keydown', function (e) { if (e.key === 'Escape') clear(); });
  // Category filters exist only when the script runs.
  var filters = doc.getElementById('filters');
  if (filters) {
    filters.hidden = false;
    filters.addEventListener('change', function (e) {
      var box = e.target;
      if (box && box.getAttribute('data-cat')) {
        doc.body.classList.toggle('off-' + box.getAttribute('data-cat'), !box.checked);
      } else if (box && box.id === 'show-diff') {
        doc.body.classList.toggle('nodiff', !box.checked);
      }
    });
  }
  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(doc.querySelectorAll('details'), function (d) { d.open = true; });
  });
  root.setAttribute('data-ready', String(Math.round(performance.now())));
})();
)JS";

}  // namespace

std::string report_css() {
  std::string css(kBaseCss);
  // One rule per category: colour variable, underline style, and the filter
  // rule that switches its marking off.
  std::string dark;
  for (const auto& s : category_styles()) {
    const std::string cls = std::string(".k-") + s.id;
    css += cls + "{--k:" + s.light +
           ";text-decoration-color:var(--k);text-decoration-style:" + s.line + "}\n";
    css += ".off-k-" + std::string(s.id) + " " + cls + "{background:none;text-decoration:none}\n";
    dark += cls + "{--k:" + s.dark + "}";
  }
  css += "@media (prefers-color-scheme:dark){" + dark + "}\n";
  return css;
}

std::string_view report_script() { return kScript; }

}  // namespace cd::report
