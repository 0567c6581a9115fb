"""The browser half of the annotation tool (:mod:`newslab.widget_view`): an ES module and its CSS.

The module builds every element with ``textContent`` (no article text is ever parsed as HTML),
keeps the selection in the browser and sends one message per change to Python. Kept as plain
strings so the package needs no JupyterLab extension and no build step.
"""

ESM = r"""
const QUOTE_MARKS = new Set(["“", "”", '"', "«", "»", "„", "‘", "’", "‹", "›", "'"]);

function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "text") node.textContent = value;
    else if (name === "class") node.className = value;
    else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

// `x` in a status line is shown as code, without the backticks.
function statusLine(text) {
  const line = document.createDocumentFragment();
  text.split("`").forEach((part, i) => {
    if (part) line.append(i % 2 ? h("code", { text: part }) : document.createTextNode(part));
  });
  return line;
}

const same = (a, b) => a !== null && b !== null && a.join("\u0000") === b.join("\u0000");

function render({ model, el }) {
  const tokens = model.get("tokens");
  const count = tokens.length ? tokens[tokens.length - 1][3] + 1 : 0;
  const firstOf = (sentence) => tokens.findIndex((t) => t[3] === sentence);
  const lastOf = (sentence) => tokens.findLastIndex((t) => t[3] === sentence);
  const start = Math.max(0, firstOf(model.get("position")));
  const st = { cursor: start, anchor: null, sel: null, pending: false, drag: false, moved: false, chosen: null, range: null,
    awaiting: false, queued: null };
  const send = (message) => model.send(message);

  const root = h("div", { class: "newslab-annotator", "data-lm-suppress-shortcuts": "true" });
  const status = h("div", { class: "newslab-status", role: "status", "aria-live": "polite" });
  const help = h("p", { class: "newslab-help", text:
    "Select words (drag, or click the first and the last; keys: ←/→ move, Shift+←/→ select, " +
    "Ctrl+←/→ next quotation mark), then a label or its key. After a quote, Enter or a click links " +
    "the proposed speaker. Every change is saved at once." });
  const previous = h("button", { class: "newslab-previous", title: "Previous sentence (Page Up)", text: "◀ Previous" });
  const next = h("button", { class: "newslab-next", title: "Next sentence (Page Down)", text: "Next ▶" });
  const where = h("span", { class: "newslab-where" });
  const wholeBox = h("input", { type: "checkbox", class: "newslab-whole" });
  const nav = h("div", { class: "newslab-row-of-buttons" }, previous, where, next,
    h("label", {}, wholeBox, " Show all sentences (W)"));
  const strip = h("div", { class: "newslab-tokens", role: "listbox", "aria-multiselectable": "true",
    "aria-label": "The words: arrows move, Shift with arrows selects, then press a label's key" });
  const labelRow = h("div", { class: "newslab-row-of-buttons", role: "toolbar", "aria-label": "Labels" });
  const speakers = h("div", { class: "newslab-speakers", role: "group", "aria-label": "Who said it?" });
  const listing = h("div", { class: "newslab-annotations", role: "listbox", "aria-label": "Annotations shown" });
  const rowActions = h("div", { class: "newslab-row-of-buttons newslab-row-actions" });
  const undo = h("button", { class: "newslab-undo", title: "Undo the last change (Z)" }, "Undo ", h("kbd", { text: "Z" }));
  const sentenceButton = h("button", { class: "newslab-sentence", title: "Select the whole sentence (S)" },
    "Whole sentence ", h("kbd", { text: "S" }));
  const clear = h("button", { class: "newslab-clear", title: "Forget the selection (Esc)" }, "Clear ", h("kbd", { text: "Esc" }));

  const labelButton = (b) => h("button", { class: `newslab-label newslab-${b.kind}-${b.value.toLowerCase()}`,
    title: `${b.kind === "label" ? "Label the selection as" : "Give the sentence the sentiment"} ${b.name.toLowerCase()} (key ${b.key.toUpperCase()})`,
    style: `border-left: 6px solid ${b.colour}`, onclick: () => applyLabel(b.value) }, b.name + " ", h("kbd", { text: b.key.toUpperCase() }));
  const buttons = model.get("buttons");
  labelRow.append(...buttons.filter((b) => b.kind === "label").map(labelButton),
    h("span", { class: "newslab-gap", text: "Sentence:" }), ...buttons.filter((b) => b.kind === "sentiment").map(labelButton),
    sentenceButton, clear, undo);
  for (const button of [previous, next, sentenceButton, clear, undo, ...labelRow.querySelectorAll("button")]) {
    button.addEventListener("mousedown", (e) => e.preventDefault()); // a click keeps the focus where it was
  }
  // The toolbar is one Tab stop too: ←/→ move between its buttons.
  const tools = [...labelRow.querySelectorAll("button")];
  tools.forEach((button, i) => { button.tabIndex = i === 0 ? 0 : -1; });
  labelRow.addEventListener("focusin", (e) => tools.forEach((button) => { button.tabIndex = button === e.target ? 0 : -1; }));
  labelRow.addEventListener("keydown", (e) => {
    if (!["ArrowLeft", "ArrowRight", "Home", "End"].includes(e.key)) return;
    const usable = tools.filter((button) => !button.disabled);
    const at = usable.indexOf(document.activeElement);
    const to = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: usable.length - 1 }[e.key];
    usable[(to + usable.length) % usable.length]?.focus();
    e.preventDefault();
    e.stopPropagation();
  });
  root.append(h("p", { class: "newslab-title" }, h("b", { text: "Annotate it yourself." })), help, status, nav,
    strip, labelRow, speakers, listing, rowActions);
  el.append(root);

  // ------------------------------------------------------------ selecting
  const spanOf = () => (st.sel ? [tokens[st.sel[0]][0], tokens[st.sel[1]][1]] : null);
  const around = (a, b) => [Math.min(a, b), Math.max(a, b)];
  function press(i, extend) {
    st.cursor = i;
    if (extend && st.anchor !== null) { st.sel = around(st.anchor, i); st.pending = false; }
    else if (st.pending) { st.sel = around(st.anchor, i); st.pending = false; }
    else { st.anchor = i; st.sel = [i, i]; st.pending = true; }
  }
  function move(i, extend) {
    i = Math.max(0, Math.min(tokens.length - 1, i));
    if (extend) { if (st.anchor === null) st.anchor = st.cursor; st.sel = around(st.anchor, i); }
    else { st.anchor = i; st.sel = [i, i]; }
    st.pending = false;
    st.cursor = i;
  }
  function clearSelection() { st.sel = null; st.anchor = null; st.pending = false; }
  function applyLabel(value) {
    const chosen = chosenAnnotation();
    if (chosen && listing.contains(document.activeElement)) {
      send({ action: "relabel", target: chosen.key, name: value });
      return;
    }
    const span = spanOf();
    send(span ? { action: "label", name: value, start: span[0], end: span[1] } : { action: "label", name: value });
    if (span && value === "QUOTE") st.awaiting = true;
    clearSelection();
    paint();
  }
  function jump(direction) {
    for (let i = st.cursor + direction; i >= 0 && i < tokens.length; i += direction) {
      if (QUOTE_MARKS.has(tokens[i][2]) || tokens[i][3] !== tokens[st.cursor][3]) return QUOTE_MARKS.has(tokens[i][2]) ? i : i - direction;
    }
    return direction > 0 ? tokens.length - 1 : 0;
  }

  // ------------------------------------------------------------ drawing
  const annotations = () => model.get("annotations");
  const chosenAnnotation = () => annotations().find((a) => same(a.key, st.chosen)) || null;
  function shownRange() {
    if (model.get("whole")) return [0, tokens.length - 1];
    const low = st.sel ? Math.min(st.sel[0], st.cursor) : st.cursor;
    const high = st.sel ? Math.max(st.sel[1], st.cursor) : st.cursor;
    return [firstOf(tokens[low][3]), lastOf(tokens[high][3])];
  }
  function drawStrip() {
    const hadFocus = strip.contains(document.activeElement);
    const [low, high] = shownRange();
    st.range = [low, high];
    const spans = annotations().filter((a) => a.last >= low && a.first <= high)
      .sort((a, b) => a.key[0] - b.key[0] || b.key[1] - a.key[1]);
    strip.replaceChildren();
    for (let i = low; i <= high; i++) {
      const [, , text, sentence, paragraph] = tokens[i];
      if (i > low && (paragraph || (!model.get("whole") && sentence !== tokens[i - 1][3]))) strip.append(h("br"));
      else if (i > low && tokens[i][0] > tokens[i - 1][1]) strip.append(" ");
      const covering = spans.filter((a) => a.first <= i && a.last >= i);
      const word = h("span", { class: "newslab-token", role: "option", tabindex: -1, "data-i": i, text,
        title: covering.map((a) => a.title).join("\n") || null });
      word.style.boxShadow = covering.map((a, depth) => `inset 0 -${3 * (covering.length - depth)}px 0 ${a.colour}`).join(", ");
      word.style.paddingBottom = `${3 * covering.length}px`;
      strip.append(word);
      for (const a of spans.filter((s) => s.last === i).reverse()) {
        strip.append(h("span", { class: "newslab-tag", title: a.title, style: `border-color: ${a.colour}`, text: `[${a.tag}]` }));
      }
    }
    paint();
    if (hadFocus) focusCursor();
  }
  function paint() {
    const [low, high] = shownRange();
    if (!st.range || low !== st.range[0] || high !== st.range[1]) {
      drawStrip();
      drawList();
      return;
    }
    for (const word of strip.querySelectorAll(".newslab-token")) {
      const i = Number(word.dataset.i);
      const selected = st.sel !== null && i >= st.sel[0] && i <= st.sel[1];
      word.classList.toggle("newslab-selected", selected);
      word.classList.toggle("newslab-anchor", st.pending && i === st.anchor);
      word.setAttribute("aria-selected", String(selected));
      word.tabIndex = i === st.cursor ? 0 : -1;
    }
    const sentence = tokens.length ? tokens[st.cursor][3] : 0;
    where.textContent = `Sentence ${sentence + 1} of ${count}`;
    previous.disabled = sentence === 0 || model.get("broken");
    next.disabled = sentence >= count - 1 || model.get("broken");
    if (tokens.length && model.get("position") !== sentence) {
      model.set("position", sentence);
      model.save_changes();
    }
  }
  function focusCursor() {
    const word = strip.querySelector(`[data-i="${st.cursor}"]`);
    if (word) word.focus({ preventScroll: false });
  }
  function drawList() {
    const [low, high] = st.range;
    const shown = annotations().filter((a) => a.last >= low && a.first <= high);
    const hadFocus = listing.contains(document.activeElement);
    if (!shown.some((a) => same(a.key, st.chosen))) st.chosen = shown.length ? shown[0].key : null;
    listing.replaceChildren(h("div", { class: "newslab-list-title", text: shown.length
      ? "Annotations here: click one (or ↑/↓) to choose it; then a label changes its label, Del deletes it, M moves it to the selection, K asks who said a quote, Enter selects its words."
      : "No annotations here yet." }));
    for (const a of shown) {
      const chosen = same(a.key, st.chosen);
      const row = h("div", { class: "newslab-annotation" + (chosen ? " newslab-chosen" : ""), role: "option",
        "aria-selected": String(chosen), tabindex: chosen ? 0 : -1, text: a.title, style: `border-left: 6px solid ${a.colour}` });
      row.addEventListener("click", () => { st.chosen = a.key; drawList(); });
      listing.append(row);
    }
    if (hadFocus) {
      const row = listing.querySelector(".newslab-chosen");
      if (row) row.focus();
      else focusCursor(); // the last one here was deleted: back to the words
    }
    const chosen = chosenAnnotation();
    rowActions.replaceChildren();
    if (!chosen) return;
    const act = (text, title, message) => h("button", { text, title, onclick: () => send({ ...message, target: chosen.key }) });
    rowActions.append(
      act("Delete (Del)", "Delete the chosen annotation", { action: "delete" }),
      h("button", { text: "Move to selection (M)", title: "Make the chosen annotation cover the selected words",
        onclick: () => resize(chosen) }));
    if (chosen.key[2] === "QUOTE") {
      rowActions.append(h("button", { class: "newslab-ask-speaker", text: "Speaker… (K)", title: "Choose who said this quote",
        onclick: () => send({ action: "speakers", quote: chosen.key }) }));
    }
  }
  function resize(chosen) {
    const span = spanOf();
    send(span ? { action: "resize", target: chosen.key, start: span[0], end: span[1] } : { action: "resize", target: chosen.key });
    clearSelection();
    paint();
  }
  function drawSpeakers() {
    const proposal = model.get("proposal");
    speakers.replaceChildren();
    speakers.hidden = !proposal;
    if (!proposal) return;
    speakers.append(h("span", { class: "newslab-speaker-question", text: `Who said ${proposal.text.replace(/^[^:]*: /, "")}? ` }));
    if (!proposal.candidates.length) {
      speakers.append(h("span", { text: "No person or organisation is marked near it yet: select the speaker's name and press P (or O); it will be offered here. " }));
    }
    proposal.candidates.forEach((c, n) => {
      const button = h("button", { class: "newslab-speaker" + (c.linked ? " newslab-linked" : ""),
        title: `Link the quote to ${c.text} (key ${n + 1}${n === 0 ? " or Enter" : ""})`,
        onclick: () => send({ action: "link", quote: proposal.quote, speaker: c.key }) },
        h("kbd", { text: String(n + 1) }), ` ${c.text} (${c.side})${c.linked ? " ✓ linked" : ""}`);
      button.addEventListener("mousedown", (e) => e.preventDefault());
      speakers.append(button);
    });
    speakers.append(h("button", { class: "newslab-dismiss", text: "Done (Esc)", title: "Close this question",
      onclick: () => send({ action: "dismiss" }) }));
  }
  function drawAll() {
    const broken = model.get("broken");
    status.replaceChildren(statusLine(model.get("status")));
    root.classList.toggle("newslab-broken", broken);
    for (const control of root.querySelectorAll("button, input")) control.disabled = broken;
    if (broken) { strip.replaceChildren(); listing.replaceChildren(); rowActions.replaceChildren(); speakers.hidden = true; return; }
    wholeBox.checked = model.get("whole");
    undo.disabled = !model.get("can_undo");
    // Buttons that are drawn again keep the keyboard focus where it was (or it goes back to the words).
    const region = [speakers, rowActions].find((r) => r.contains(document.activeElement));
    const index = region ? [...region.querySelectorAll("button")].indexOf(document.activeElement) : -1;
    st.range = null;
    drawStrip();
    drawList();
    drawSpeakers();
    if (region) {
      const again = region.hidden ? [] : region.querySelectorAll("button");
      if (again.length) (again[index] || again[0]).focus();
      else focusCursor();
    }
  }

  // ------------------------------------------------------------ mouse
  strip.addEventListener("mousedown", (e) => {
    const word = e.target.closest(".newslab-token");
    if (!word || e.button !== 0) return;
    e.preventDefault();
    e.stopPropagation(); // a drag across words is ours, not the notebook's (it would start selecting cells)
    press(Number(word.dataset.i), e.shiftKey);
    st.drag = st.pending;
    st.moved = false;
    paint();
    focusCursor();
  });
  strip.addEventListener("mouseover", (e) => {
    const word = e.target.closest(".newslab-token");
    if (!st.drag || !word || !(e.buttons & 1)) return;
    const i = Number(word.dataset.i);
    if (i !== st.anchor) st.moved = true;
    st.cursor = i;
    st.sel = around(st.anchor, i);
    paint();
  });
  const release = () => { if (st.drag && st.moved) st.pending = false; st.drag = false; paint(); };
  document.addEventListener("mouseup", release);
  previous.addEventListener("click", () => goSentence(-1));
  next.addEventListener("click", () => goSentence(1));
  wholeBox.addEventListener("change", () => { model.set("whole", wholeBox.checked); model.save_changes(); });
  sentenceButton.addEventListener("click", () => selectSentence());
  clear.addEventListener("click", () => escape());
  undo.addEventListener("click", () => send({ action: "undo" }));
  function goSentence(step) {
    const sentence = Math.max(0, Math.min(count - 1, tokens[st.cursor][3] + step));
    st.cursor = firstOf(sentence);
    clearSelection();
    paint();
  }
  function selectSentence() {
    const sentence = tokens[st.cursor][3];
    st.anchor = firstOf(sentence);
    st.sel = [st.anchor, lastOf(sentence)];
    st.pending = false;
    paint();
  }
  function escape() {
    clearSelection();
    paint();
    if (model.get("proposal")) send({ action: "dismiss" });
  }

  // ------------------------------------------------------------ keys
  const keyed = new Map(model.get("buttons").map((b) => [b.key, b.value]));
  function onKey(e) {
    if (model.get("broken") || e.altKey || e.target.tagName === "SELECT") return;
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    const inStrip = strip.contains(e.target);
    const inList = listing.contains(e.target);
    const proposal = model.get("proposal");
    const onButton = e.target.tagName === "BUTTON" || e.target.tagName === "INPUT";
    let done = true;
    if ((e.ctrlKey || e.metaKey) && key === "z") send({ action: "undo" });
    else if (inStrip && ["ArrowLeft", "ArrowRight"].includes(key)) {
      const step = key === "ArrowRight" ? 1 : -1;
      move(e.ctrlKey || e.metaKey ? jump(step) : st.cursor + step, e.shiftKey);
      paint();
      focusCursor();
    } else if (inStrip && (key === "Home" || key === "End")) {
      const sentence = tokens[st.cursor][3];
      move(key === "Home" ? firstOf(sentence) : lastOf(sentence), e.shiftKey);
      paint();
      focusCursor();
    } else if (e.ctrlKey || e.metaKey) done = false;
    else if (inList && ["ArrowUp", "ArrowDown"].includes(key)) {
      const rows = [...listing.querySelectorAll(".newslab-annotation")];
      const [low, high] = st.range;
      const shown = annotations().filter((a) => a.last >= low && a.first <= high);
      const at = shown.findIndex((a) => same(a.key, st.chosen));
      const to = Math.max(0, Math.min(rows.length - 1, at + (key === "ArrowDown" ? 1 : -1)));
      if (shown[to]) st.chosen = shown[to].key;
      drawList();
    } else if (inList && key === "Enter" && chosenAnnotation()) {
      const chosen = chosenAnnotation();  // select its words, to see them or to fix them
      st.cursor = st.anchor = chosen.first;
      st.sel = [chosen.first, chosen.last];
      st.pending = false;
      paint();
      focusCursor();
    } else if (inList && (key === "Delete" || key === "Backspace") && chosenAnnotation()) send({ action: "delete", target: st.chosen });
    else if (inList && key === "m" && chosenAnnotation()) resize(chosenAnnotation());
    else if (inList && key === "k" && chosenAnnotation()?.key[2] === "QUOTE") send({ action: "speakers", quote: st.chosen });
    else if (keyed.has(key)) applyLabel(keyed.get(key));
    else if (st.awaiting && (key === "Enter" || /^[1-9]$/.test(key))) st.queued = key === "Enter" ? 0 : Number(key) - 1;
    else if (proposal && key === "Enter" && !onButton && proposal.candidates.length) {
      send({ action: "link", quote: proposal.quote, speaker: proposal.candidates[0].key });
    } else if (proposal && /^[1-9]$/.test(key) && proposal.candidates[Number(key) - 1]) {
      send({ action: "link", quote: proposal.quote, speaker: proposal.candidates[Number(key) - 1].key });
    } else if (inStrip && (key === " " || key === "Enter")) { press(st.cursor, e.shiftKey); paint(); }
    else if (key === "Escape") escape();
    else if (key === "s") selectSentence();
    else if (key === "z") send({ action: "undo" });
    else if (key === "w") { model.set("whole", !model.get("whole")); model.save_changes(); }
    else if (key === "PageDown" || key === "PageUp") { goSentence(key === "PageDown" ? 1 : -1); focusCursor(); }
    else done = false;
    if (done) { e.preventDefault(); e.stopPropagation(); }
  }
  root.addEventListener("keydown", onKey);
  strip.addEventListener("focusin", (e) => {
    const word = e.target.closest(".newslab-token");
    if (word) st.cursor = Number(word.dataset.i);
  });

  // One drawing per answer from the kernel, however many of its values changed; a speaker key
  // pressed before the answer to Quote came is applied to the new question.
  let drawing = false;
  const redraw = () => {
    if (drawing) return;
    drawing = true;
    queueMicrotask(() => {
      drawing = false;
      const proposal = model.get("proposal");
      const queued = st.queued;
      st.awaiting = false;
      st.queued = null;
      drawAll();
      if (queued !== null && proposal && proposal.candidates[queued]) {
        send({ action: "link", quote: proposal.quote, speaker: proposal.candidates[queued].key });
      }
    });
  };
  model.on("change:annotations", redraw);
  model.on("change:status", redraw);
  model.on("change:proposal", redraw);
  model.on("change:whole", redraw);
  model.on("change:broken", redraw);
  drawAll();
  return () => {
    document.removeEventListener("mouseup", release);
    model.off("change:annotations", redraw);
    model.off("change:status", redraw);
    model.off("change:proposal", redraw);
    model.off("change:whole", redraw);
    model.off("change:broken", redraw);
  };
}

export default { render };
"""

CSS = """
.newslab-annotator { max-width: 60em; font-size: 14px; line-height: 1.5; }
.newslab-annotator .newslab-help { margin: 2px 0 6px; color: #444; font-size: 0.92em; }
.newslab-annotator .newslab-status { margin: 4px 0; min-height: 1.5em; }
.newslab-annotator.newslab-broken .newslab-status { color: #D55E00; font-weight: bold; }
.newslab-annotator .newslab-status code { background: #f2f2f2; padding: 0 3px; border-radius: 3px; white-space: nowrap; }
.newslab-annotator .newslab-row-of-buttons { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; margin: 4px 0; }
.newslab-annotator button { font: inherit; padding: 2px 8px; border: 1px solid #999; border-radius: 3px;
  background: #fff; color: #000; cursor: pointer; }
.newslab-annotator button:disabled { opacity: 0.5; cursor: default; }
.newslab-annotator kbd { font-family: monospace; font-size: 0.85em; padding: 0 3px; border: 1px solid #999;
  border-radius: 3px; background: #f5f5f5; }
.newslab-annotator .newslab-gap { margin-left: 12px; }
.newslab-annotator .newslab-tokens { border: 1px solid #999; padding: 6px 8px; margin: 4px 0; line-height: 2.3;
  user-select: none; }
.newslab-annotator .newslab-token { display: inline-block; padding: 0 1px; border-radius: 3px; cursor: pointer;
  line-height: 1.6; }
.newslab-annotator .newslab-token:hover { background: #eaf4fb; }
.newslab-annotator .newslab-selected { background: #56B4E966; }
.newslab-annotator .newslab-anchor { background: #0072B2; color: #fff; }
.newslab-annotator .newslab-tag { font-size: 0.75em; font-weight: bold; margin: 0 3px 0 1px; padding: 0 2px;
  border-bottom: 3px solid; vertical-align: sub; }
.newslab-annotator :focus-visible, .newslab-annotator .newslab-token:focus,
.newslab-annotator .newslab-annotation:focus { outline: 3px solid #0072B2; outline-offset: 2px; }
.newslab-annotator .newslab-speakers { margin: 4px 0; padding: 4px 8px; background: #fdf8d8; border-left: 6px solid #F0E442; }
.newslab-annotator .newslab-speaker.newslab-linked { background: #dff0d8; font-weight: bold; }
.newslab-annotator .newslab-annotations { margin: 6px 0 2px; }
.newslab-annotator .newslab-annotation { padding: 1px 6px; margin: 1px 0; cursor: pointer; }
.newslab-annotator .newslab-chosen { background: #eef; }
"""
