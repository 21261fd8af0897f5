// The Dyad workbench: one page, routed on the URL's hash, drawn from the JSON API under /api/.
// Every text from the store goes into the page as a text node (never as HTML): documents may hold markup.
"use strict";

const main = document.getElementById("main");
const session = { editable: false, csrf: null, token: new URLSearchParams(location.search).get("token") };
const quadNames = ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];
const quadColors = ["#74c476", "#238b45", "#fc9272", "#cb181d"];
let charts = [];

// ---- small helpers -------------------------------------------------------------------------------------------

/** An element with attributes and children; strings become text nodes. */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (k === "dataset") Object.assign(node.dataset, v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

async function api(path, options) {
  const started = performance.now();
  const response = await fetch(path, options);
  const body = await response.json().catch(() => ({ detail: response.statusText }));
  status(`${path.split("?")[0]} ${response.status} in ${Math.round(performance.now() - started)} ms`);
  if (!response.ok) throw new Error(body.detail || body.title || `HTTP ${response.status}`);
  return body;
}

function status(text) { document.getElementById("status").textContent = text; }

function q(params) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== "") search.set(k, v);
  return search.toString();
}

function link(hash, text, attrs) { return el("a", { href: hash, ...(attrs || {}) }, text); }

function fixed(x, n) { return x === null || x === undefined ? "" : Number(x).toFixed(n); }

function section(title, ...children) { return el("section", {}, el("h2", {}, title), ...children); }

function table(header, rows, attrs) {
  return el("table", attrs || {},
    el("thead", {}, el("tr", {}, header.map(h => el("th", {}, h)))),
    el("tbody", {}, rows));
}

function chart(id, height) {
  const box = el("div", { id, class: "chart", style: `height:${height || 320}px` });
  return box;
}

function draw(box, option) {
  // SVG: crisp at any zoom, and the browser tests can see the drawing in the DOM.
  const c = echarts.init(box, null, { renderer: "svg" });
  c.setOption({ animation: false, tooltip: { renderMode: "richText" }, ...option });
  charts.push(c);
  return c;
}

// ---- events with their evidence ------------------------------------------------------------------------------

/** A sentence with the trigger marked. */
function evidence(e) {
  const text = e.sentence_text || "";
  const span = e.trigger_in_sentence;
  if (!span) return el("q", { class: "sentence" }, text);
  return el("q", { class: "sentence" }, text.slice(0, span[0]), el("mark", {}, text.slice(span[0], span[1])), text.slice(span[1]));
}

function eventCard(e, onChanged) {
  const card = el("article", { class: `event quad${e.quad}`, dataset: { id: e.id } },
    el("div", { class: "meta" },
      el("span", { class: "date" }, e.date || "undated", e.precision && e.precision !== "day" ? ` (${e.precision})` : ""),
      " ", link(`#/actor/${encodeURIComponent(e.source.slice(0, 3))}`, e.source, { title: e.source_name }),
      " → ", link(`#/actor/${encodeURIComponent(e.target.slice(0, 3))}`, e.target, { title: e.target_name }),
      " ", el("code", {}, e.code), " ", el("span", { class: "gold" }, `Goldstein ${fixed(e.goldstein, 1)}`),
      e.location ? el("span", { class: "loc" }, ` at ${e.location}`) : null),
    evidence(e),
    el("div", { class: "source" },
      link(`#/doc/${encodeURIComponent(e.doc)}`, e.doc, { class: "doc" }), ` sentence ${e.sentence}`,
      e.rule ? el("span", { class: "rule" }, ` rule ${e.rule}`) : null,
      session.editable ? el("button", { class: "correct", type: "button", onclick: () => correctionForm(card, e, onChanged) }, "Correct…") : null));
  return card;
}

function eventList(events, onChanged, empty) {
  if (!events.length) return el("p", { class: "empty" }, empty || "No events.");
  return el("div", { class: "events" }, events.map(e => eventCard(e, onChanged)));
}

function correctionForm(card, e, onChanged) {
  if (card.querySelector("form")) return;
  const field = (name, label, value) => el("label", {}, label, el("input", { name, value: value || "", size: 8 }));
  const form = el("form", { class: "correction" },
    el("label", {}, el("input", { type: "checkbox", name: "reject" }), " wrong: not an event"),
    field("source", "source ", ""), field("target", "target ", ""), field("code", "code ", ""), field("date", "date ", ""),
    field("note", "note ", ""), field("author", "by ", localStorage.getItem("dyad-author") || ""),
    el("button", { type: "submit" }, "Save"), el("button", { type: "button", onclick: () => form.remove() }, "Cancel"),
    el("output", { name: "result" }));
  form.querySelector("[name=source]").placeholder = e.source;
  form.querySelector("[name=target]").placeholder = e.target;
  form.querySelector("[name=code]").placeholder = e.code;
  form.querySelector("[name=date]").placeholder = e.date || "YYYY-MM-DD";
  form.addEventListener("submit", async ev => {
    ev.preventDefault();
    const data = new FormData(form);
    localStorage.setItem("dyad-author", data.get("author") || "");
    const body = {
      event: e.id, reject: data.get("reject") === "on", source: data.get("source"), target: data.get("target"),
      code: data.get("code"), date: data.get("date"), note: data.get("note"), author: data.get("author"),
    };
    const headers = { "Content-Type": "application/json", "X-CSRF-TOKEN": session.csrf };
    if (session.token) headers["X-Dyad-Token"] = session.token;
    try {
      await api("/api/corrections", { method: "POST", headers, body: JSON.stringify(body) });
      form.querySelector("output").textContent = "Saved.";
      if (onChanged) onChanged(); else route();
    } catch (err) {
      form.querySelector("output").textContent = err.message;
    }
  });
  card.append(form);
}

// ---- pages ---------------------------------------------------------------------------------------------------

async function home() {
  const [summary, actors] = await Promise.all([api("/api/summary"), api("/api/actors?limit=200")]);
  const c = summary.counts;
  main.replaceChildren(
    el("h1", {}, "Actors"),
    el("p", { class: "lead" }, `${c.documents} documents, ${c.sentences} sentences, ${c.events} events, ${c.facts} facts in ${summary.store}.`),
    table(["actor", "name", "events", ""], actors.map(a => el("tr", { dataset: { actor: a.code } },
      el("td", {}, link(`#/actor/${encodeURIComponent(a.code)}`, a.code)), el("td", {}, a.name), el("td", { class: "num" }, a.events),
      el("td", {}, link(`#/events?${q({ actor: a.code })}`, "events")))), { class: "actors" }));
}

async function actorPage(code, params) {
  const per = params.get("per") || "year";
  const [balance, facts] = await Promise.all([api(`/api/balance?${q({ actor: code, per })}`), api(`/api/facts?${q({ actor: code })}`)]);
  const partnersPanel = el("div", { id: "partner-events" }, el("p", { class: "hint" }, "Click a partner to list its events with the sentences."));
  main.replaceChildren(
    el("h1", {}, code),
    perChooser(`#/actor/${encodeURIComponent(code)}`, per),
    section("Partners' shares of cooperation", chart("balance-chart", 340)),
    section("Partners", partnersTable(code, balance, partnersPanel), partnersPanel),
    section("Facts over time", el("div", { id: "facts-timeline" })),
    section("Most cooperative and most hostile events", el("div", { id: "top-events" })));
  drawBalance(document.getElementById("balance-chart"), balance);
  factsTimeline(document.getElementById("facts-timeline"), facts);
  const [best, worst] = await Promise.all([
    api(`/api/events?${q({ actor: code, order: "cooperative", limit: 5 })}`), api(`/api/events?${q({ actor: code, order: "hostile", limit: 5 })}`)]);
  document.getElementById("top-events").replaceChildren(eventList(best.filter(e => e.goldstein > 0)), eventList(worst.filter(e => e.goldstein < 0), null, "No hostile events."));
}

function perChooser(base, per) {
  return el("p", { class: "per" }, "per ", ["year", "quarter", "month"].map(p =>
    p === per ? el("strong", {}, p, " ") : el("span", {}, link(`${base}?per=${p}`, p), " ")));
}

function partnersTable(code, balance, panel) {
  const totals = new Map();
  for (const p of balance.periods) for (const s of p.shares) {
    const t = totals.get(s.partner) || { partner: s.partner, name: s.partner_name, events: 0 };
    t.events += s.events; totals.set(s.partner, t);
  }
  const all = balance.periods.reduce((n, p) => n + p.cooperative, 0);
  const rows = [...totals.values()].sort((a, b) => b.events - a.events).map(t => el("tr", {
    class: "partner", dataset: { partner: t.partner }, tabindex: 0,
    onclick: () => showPartner(code, t.partner, panel),
    onkeydown: ev => { if (ev.key === "Enter") showPartner(code, t.partner, panel); },
  }, el("td", {}, t.partner), el("td", {}, t.name), el("td", { class: "num" }, t.events), el("td", { class: "num" }, `${Math.round(100 * t.events / Math.max(all, 1))}%`),
    el("td", {}, link(`#/pair/${encodeURIComponent(code)}/${encodeURIComponent(t.partner)}`, "pair history"))));
  return table(["partner", "name", "cooperative events", "share", ""], rows, { class: "partners" });
}

async function showPartner(code, partner, panel) {
  panel.replaceChildren(el("p", {}, `Loading events of ${code} with ${partner}…`));
  const events = await api(`/api/events?${q({ actor: code, partner, order: "newest", limit: 200 })}`);
  panel.replaceChildren(el("h3", {}, `${code} and ${partner}: ${events.length} events`), eventList(events, () => showPartner(code, partner, panel)));
}

function drawBalance(box, balance) {
  const periods = balance.periods.map(p => p.period);
  const totals = new Map();
  for (const p of balance.periods) for (const s of p.shares) totals.set(s.partner, (totals.get(s.partner) || 0) + s.events);
  const top = [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8).map(x => x[0]);
  const series = top.map(partner => ({
    name: partner, type: "line", stack: "share", areaStyle: {}, symbol: "none",
    data: balance.periods.map(p => { const s = p.shares.find(x => x.partner === partner); return s ? Math.round(1000 * s.share) / 10 : 0; }),
  }));
  if (totals.size > top.length) series.push({
    name: "other", type: "line", stack: "share", areaStyle: {}, symbol: "none",
    data: balance.periods.map(p => Math.round(1000 * p.shares.filter(s => !top.includes(s.partner)).reduce((n, s) => n + s.share, 0)) / 10),
  });
  series.push({ name: "evenness", type: "line", yAxisIndex: 1, data: balance.periods.map(p => p.evenness), lineStyle: { type: "dashed" }, itemStyle: { color: "#333" } });
  draw(box, {
    legend: { type: "scroll", top: 0 }, grid: { left: 50, right: 50, top: 50, bottom: 40 },
    tooltip: { trigger: "axis", renderMode: "richText" },
    xAxis: { type: "category", data: periods, boundaryGap: false },
    yAxis: [{ type: "value", max: 100, name: "% of cooperation" }, { type: "value", min: 0, max: 1, name: "evenness" }],
    series,
  });
}

function factsTimeline(box, facts) {
  const items = facts.filter(f => f.start || f.at).map((f, i) => {
    // Content as a DOM node: vis-timeline would read a string as HTML.
    const content = el("span", {}, `${f.subject} ${f.predicate.replace(/_/g, " ")} ${f.object}${f.what ? " (" + f.what + ")" : ""}`);
    const start = f.start || f.at;
    return { id: i, content, start, end: f.end || undefined, type: f.end ? "range" : "point", title: undefined };
  });
  if (!items.length) { box.replaceChildren(el("p", { class: "empty" }, "No dated facts.")); return; }
  new vis.Timeline(box, new vis.DataSet(items), { stack: true, zoomable: true, height: "220px" });
}

async function pairPage(a, b, params) {
  const per = params.get("per") || "year";
  const report = await api(`/api/pair?${q({ a, b, per })}`);
  const panel = el("div", { id: "period-events" }, el("p", { class: "hint" }, "Click a period to list its events."));
  main.replaceChildren(
    el("h1", {}, `${a} and ${b}`),
    perChooser(`#/pair/${encodeURIComponent(a)}/${encodeURIComponent(b)}`, per),
    section("Events by quad class, mean Goldstein", chart("pair-chart", 340)), panel,
    section("Largest events", eventList(report.most_cooperative, null, "No cooperative events."), eventList(report.most_hostile, null, "No hostile events.")),
    section("Facts linking them", report.facts.length ? table(["from", "to", "fact", "document"], report.facts.map(f => el("tr", {},
      el("td", {}, f.start || f.at || ""), el("td", {}, f.end || ""), el("td", {}, `${f.subject} ${f.predicate.replace(/_/g, " ")} ${f.object} ${f.what || ""}`),
      el("td", {}, link(`#/doc/${encodeURIComponent(f.doc)}`, f.doc))))) : el("p", { class: "empty" }, "No facts.")));
  const periods = report.series.map(p => p.period);
  const keys = ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"];
  const c = draw(document.getElementById("pair-chart"), {
    legend: { top: 0 }, grid: { left: 50, right: 50, top: 50, bottom: 40 }, tooltip: { trigger: "axis", renderMode: "richText" },
    xAxis: { type: "category", data: periods },
    yAxis: [{ type: "value", name: "events" }, { type: "value", name: "Goldstein", min: -10, max: 10 }],
    series: keys.map((k, i) => ({ name: quadNames[i], type: "bar", stack: "q", itemStyle: { color: quadColors[i] }, data: report.series.map(p => p.quads[k]) }))
      .concat([{ name: "mean Goldstein", type: "line", yAxisIndex: 1, data: report.series.map(p => p.goldstein_mean), itemStyle: { color: "#333" } }]),
  });
  const open = async period => {
    const events = await api(`/api/events?${q({ actor: a, partner: b, period, per, limit: 500 })}`);
    panel.replaceChildren(el("h3", {}, `${period}: ${events.length} events`), eventList(events, () => open(period)));
  };
  c.on("click", e => open(periods[e.dataIndex]));
  panel.append(el("p", {}, periods.map(p => el("button", { type: "button", class: "period", dataset: { period: p }, onclick: () => open(p) }, p))));
}

async function networkPage(params) {
  const from = params.get("from") || "", to = params.get("to") || "", min = params.get("min") || "1";
  const graph = await api(`/api/graph?${q({ from, to, min })}`);
  const form = el("form", { class: "range" },
    el("label", {}, "from ", el("input", { name: "from", value: from, placeholder: "YYYY", size: 10 })),
    el("label", {}, " to ", el("input", { name: "to", value: to, placeholder: "YYYY", size: 10 })),
    el("label", {}, " at least ", el("input", { name: "min", value: min, size: 4 }), " events"),
    el("button", { type: "submit" }, "Show"));
  form.addEventListener("submit", ev => { ev.preventDefault(); const d = new FormData(form); location.hash = `#/network?${q({ from: d.get("from"), to: d.get("to"), min: d.get("min") })}`; });
  const box = el("div", { id: "network", class: "network" });
  main.replaceChildren(el("h1", {}, "Network"), form, el("p", { class: "hint" }, `${graph.nodes.length} actors, ${graph.edges.length} directed pairs; edges green when cooperative, red when hostile; click an actor.`), box);
  const max = Math.max(1, ...graph.edges.map(e => e.events));
  const cy = cytoscape({
    container: box,
    elements: [
      ...graph.nodes.map(n => ({ data: { id: n.id, label: n.id, title: n.name, size: 20 + 30 * Math.sqrt(n.events / (2 * max)) } })),
      ...graph.edges.map((e, i) => ({ data: { id: `e${i}`, source: e.source, target: e.target, w: 1 + 7 * e.events / max, color: goldsteinColor(e.mean_goldstein) } })),
    ],
    style: [
      { selector: "node", style: { label: "data(label)", width: "data(size)", height: "data(size)", "background-color": "#4a6fa5", "font-size": 11 } },
      { selector: "edge", style: { width: "data(w)", "line-color": "data(color)", "target-arrow-color": "data(color)", "target-arrow-shape": "triangle", "curve-style": "bezier", opacity: 0.8 } },
    ],
    layout: { name: "cose", animate: false },
  });
  cy.on("tap", "node", ev => { location.hash = `#/actor/${encodeURIComponent(ev.target.id())}`; });
}

function goldsteinColor(g) {
  const t = Math.max(-1, Math.min(1, g / 10));
  return t >= 0 ? `rgb(${Math.round(150 - 120 * t)},${Math.round(150 + 40 * t)},${Math.round(150 - 100 * t)})`
    : `rgb(${Math.round(150 - 60 * t)},${Math.round(150 + 110 * t)},${Math.round(150 + 110 * t)})`;
}

async function eventsPage(params) {
  const filters = { q: params.get("q"), actor: params.get("actor"), partner: params.get("partner"), doc: params.get("doc"), order: params.get("order") || "newest" };
  const events = await api(`/api/events?${q({ ...filters, limit: 200 })}`);
  const form = el("form", { class: "filters" },
    el("label", {}, "words ", el("input", { name: "q", value: filters.q || "", type: "search" })),
    el("label", {}, " actor ", el("input", { name: "actor", value: filters.actor || "", size: 6 })),
    el("label", {}, " partner ", el("input", { name: "partner", value: filters.partner || "", size: 6 })),
    el("button", { type: "submit" }, "Find"));
  form.addEventListener("submit", ev => { ev.preventDefault(); const d = new FormData(form); location.hash = `#/events?${q({ q: d.get("q"), actor: d.get("actor"), partner: d.get("partner") })}`; });
  main.replaceChildren(el("h1", {}, "Evidence"), form, el("p", { class: "lead" }, `${events.length} events${events.length === 200 ? " (the first 200)" : ""}`), eventList(events));
}

async function documentPage(doc) {
  const d = await api(`/api/documents/${encodeURIComponent(doc)}`);
  const bySentence = new Map();
  for (const e of d.events) (bySentence.get(e.sentence) || bySentence.set(e.sentence, []).get(e.sentence)).push(e);
  const text = el("div", { class: "document" }, d.sentences.map(s => {
    const events = bySentence.get(s.index) || [];
    const marks = events.map(e => e.trigger_in_sentence).filter(Boolean).sort((x, y) => x[0] - y[0]);
    const parts = []; let at = 0;
    for (const [a, b] of marks) { if (a < at) continue; parts.push(s.text.slice(at, a), el("mark", {}, s.text.slice(a, b))); at = b; }
    parts.push(s.text.slice(at));
    return el("p", { class: events.length ? "sentence coded" : "sentence", dataset: { sentence: s.index } }, el("sup", {}, s.index), " ", parts);
  }));
  const rejected = d.corrections.filter(c => c.reject);
  main.replaceChildren(el("h1", {}, d.doc), text,
    section(`Events (${d.events.length})`, eventList(d.events)),
    rejected.length ? section("Rejected by review", el("ul", {}, rejected.map(c => el("li", {}, `${c.source} ${c.code} ${c.target} “${c.trigger || ""}” — ${c.author}`)))) : null);
}

async function reviewPage() {
  const corrections = await api("/api/corrections");
  main.replaceChildren(el("h1", {}, "Review"),
    el("p", { class: "lead" }, session.editable ? "Corrections stored so far; correct an event from any event list." : "Read-only: start dyad serve with --allow-edits to correct events."),
    table(["when", "who", "document", "event as coded", "verdict", "note"], corrections.map(c => el("tr", {},
      el("td", {}, new Date(c.at_ms).toISOString().slice(0, 16).replace("T", " ")), el("td", {}, c.author),
      el("td", {}, link(`#/doc/${encodeURIComponent(c.doc)}`, c.doc)), el("td", {}, `${c.source} ${c.code} ${c.target} “${c.trigger || ""}”`),
      el("td", {}, c.reject ? "not an event" : ["source " + (c.new_source || ""), "target " + (c.new_target || ""), "code " + (c.new_code || ""), "date " + (c.new_date || "")].filter(x => !x.endsWith(" ")).join(", ")),
      el("td", {}, c.note || ""))), { class: "corrections" }));
}

// ---- routing -------------------------------------------------------------------------------------------------

async function route() {
  for (const c of charts) c.dispose();
  charts = [];
  const [path, query] = (location.hash.slice(1) || "/").split("?");
  const params = new URLSearchParams(query || "");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  try {
    if (parts[0] === "actor" && parts[1]) await actorPage(parts[1].toUpperCase(), params);
    else if (parts[0] === "pair" && parts[2]) await pairPage(parts[1].toUpperCase(), parts[2].toUpperCase(), params);
    else if (parts[0] === "network") await networkPage(params);
    else if (parts[0] === "events") await eventsPage(params);
    else if (parts[0] === "doc" && parts[1]) await documentPage(parts[1]);
    else if (parts[0] === "review") await reviewPage();
    else await home();
    document.body.dataset.ready = location.hash || "#/";
  } catch (err) {
    main.replaceChildren(el("h1", {}, "Error"), el("p", { class: "error" }, err.message));
    document.body.dataset.ready = "error";
  }
}

document.getElementById("search").addEventListener("submit", ev => {
  ev.preventDefault();
  location.hash = `#/events?${q({ q: new FormData(ev.target).get("q") })}`;
});
window.addEventListener("hashchange", () => { delete document.body.dataset.ready; route(); });
window.addEventListener("resize", () => charts.forEach(c => c.resize()));

api("/api/session").then(s => { session.editable = s.editable; session.csrf = s.csrf; }).catch(() => {}).finally(route);
