// Measurements taken inside the page. Each probe returns plain data; the Python side judges it, so
// a failure message can name the figure, the element and the numbers.
window.scopeProbes = (() => {
  // A short, stable name for an element: its path from the nearest ancestor with an id.
  function describe(element) {
    const parts = [];
    for (let node = element; node && node.nodeType === 1; node = node.parentElement) {
      if (node.id) {
        parts.unshift(`${node.localName}#${node.id}`);
        break;
      }
      let part = node.localName;
      const classes = [...node.classList].slice(0, 2);
      if (classes.length) part += "." + classes.join(".");
      const siblings = node.parentElement
        ? [...node.parentElement.children].filter((s) => s.localName === node.localName)
        : [];
      if (siblings.length > 1) part += `:nth-of-type(${siblings.indexOf(node) + 1})`;
      parts.unshift(part);
    }
    return parts.join(" > ");
  }

  function snippet(element) {
    return (element.textContent || "").replace(/\s+/g, " ").trim().slice(0, 60);
  }

  function figureName(svg) {
    const figure = svg.closest("figure");
    return figure && figure.id ? figure.id : describe(svg);
  }

  const measuringContext = document.createElement("canvas").getContext("2d");

  // The box of a text's ink (its glyphs, not the font's line box) in the text's own coordinates.
  // getBBox() spans the font's full ascent and descent, so two lines set close together would
  // "overlap" without a pixel touching; the canvas measures the glyphs themselves. A text with
  // child elements (tspans) may span several lines, so it keeps its getBBox().
  function inkBox(text) {
    const box = text.getBBox();
    if (text.children.length > 0) return box;
    const style = getComputedStyle(text);
    measuringContext.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const m = measuringContext.measureText(text.textContent);
    const baseline = box.y + m.fontBoundingBoxAscent;
    const left = box.x - m.actualBoundingBoxLeft;
    const top = baseline - m.actualBoundingBoxAscent;
    return {
      x: left,
      y: top,
      width: box.x + m.actualBoundingBoxRight - left,
      height: baseline + m.actualBoundingBoxDescent - top,
    };
  }

  // The four corners of a text's ink box, in viewport pixels, rotation included.
  function screenQuad(text) {
    const box = inkBox(text);
    const matrix = text.getScreenCTM();
    return [
      [box.x, box.y],
      [box.x + box.width, box.y],
      [box.x + box.width, box.y + box.height],
      [box.x, box.y + box.height],
    ].map(([x, y]) => {
      const p = new DOMPoint(x, y).matrixTransform(matrix);
      return [p.x, p.y];
    });
  }

  function renderedFontSize(text) {
    const m = text.getScreenCTM();
    return parseFloat(getComputedStyle(text).fontSize) * Math.hypot(m.a, m.b);
  }

  function parseColour(value) {
    const m = /rgba?\(([^)]+)\)/.exec(value || "");
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return [r, g, b, a];
  }

  // What a text is painted on: the topmost filled SVG shape under its centre, else the nearest
  // HTML background, else white. Translucent fills are laid over white, the chart background.
  function backdropColour(text, x, y) {
    for (const element of document.elementsFromPoint(x, y)) {
      if (element === text || element.closest("text")) continue;
      if (element instanceof SVGGeometryElement && !(element instanceof SVGLineElement)) {
        const style = getComputedStyle(element);
        const fill = parseColour(style.fill);
        if (!fill) continue;
        const alpha = fill[3] * parseFloat(style.fillOpacity) * parseFloat(style.opacity);
        if (alpha === 0) continue;
        return fill.slice(0, 3).map((c) => c * alpha + 255 * (1 - alpha));
      }
      if (!(element instanceof SVGElement)) {
        for (let node = element; node; node = node.parentElement) {
          const background = parseColour(getComputedStyle(node).backgroundColor);
          if (background && background[3] > 0) return background.slice(0, 3);
        }
        break;
      }
    }
    return [255, 255, 255];
  }

  // Each chart is scrolled into view before it is measured: elementsFromPoint sees only the
  // viewport, and the backdrop of a text is found by hit testing under its centre.
  // Where an outline on a text comes from: the outermost ancestor that paints the same stroke.
  function strokeSource(text) {
    const stroke = getComputedStyle(text).stroke;
    let source = text;
    for (let node = text.parentElement; node && node.closest("svg"); node = node.parentElement) {
      if (getComputedStyle(node).stroke !== stroke) break;
      source = node;
    }
    return describe(source);
  }

  function chartTexts() {
    return [...document.querySelectorAll("figure svg")].map((svg) => {
      svg.scrollIntoView({ block: "center" });
      const box = svg.getBoundingClientRect();
      const texts = [...svg.querySelectorAll("text")]
        .filter((text) => text.textContent.trim() !== "" && text.getComputedTextLength() > 0)
        .map((text) => {
          const quad = screenQuad(text);
          const cx = quad.reduce((s, p) => s + p[0], 0) / 4;
          const cy = quad.reduce((s, p) => s + p[1], 0) / 4;
          const onScreen = cx >= 0 && cy >= 0 && cx <= innerWidth && cy <= innerHeight;
          const style = getComputedStyle(text);
          const fill = parseColour(style.fill) || [0, 0, 0, 1];
          return {
            text: snippet(text),
            quad,
            fontSize: renderedFontSize(text),
            bold: parseInt(style.fontWeight, 10) >= 700,
            colour: fill.slice(0, 3),
            backdrop: onScreen ? backdropColour(text, cx, cy) : null,
            outline:
              style.stroke !== "none" && parseFloat(style.strokeWidth) > 0 && parseFloat(style.strokeOpacity) > 0
                ? `${style.stroke} ${style.strokeWidth} from ${strokeSource(text)}`
                : null,
          };
        });
      return {
        figure: figureName(svg),
        box: { left: box.left, top: box.top, right: box.right, bottom: box.bottom },
        texts,
      };
    });
  }

  function figures() {
    return [...document.querySelectorAll("figure")].map((figure) => {
      const svg = figure.querySelector("svg");
      const box = svg ? svg.getBoundingClientRect() : null;
      const labelIds = svg ? (svg.getAttribute("aria-labelledby") || "").split(/\s+/).filter(Boolean) : [];
      const caption = figure.querySelector("figcaption");
      return {
        id: figure.id,
        hasSvg: !!svg,
        width: box ? box.width : 0,
        height: box ? box.height : 0,
        role: svg ? svg.getAttribute("role") : null,
        ariaLabel: svg ? svg.getAttribute("aria-label") || "" : "",
        labelledBy: labelIds.map((id) => {
          const target = document.getElementById(id);
          return { id, text: target ? snippet(target) : null };
        }),
        title: svg && svg.querySelector("title") ? snippet(svg.querySelector("title")) : "",
        caption: caption ? snippet(caption) : "",
      };
    });
  }

  function inPageLinks() {
    return [...document.querySelectorAll('a[href^="#"]')].map((a) => {
      const id = decodeURIComponent(a.getAttribute("href").slice(1));
      return { link: describe(a), text: snippet(a), target: id, resolves: !!document.getElementById(id) };
    });
  }

  function tableCaptions() {
    return [...document.querySelectorAll("p > strong, caption")]
      .map((e) => e.textContent.replace(/\s+/g, " ").trim())
      .filter((t) => /^Table \d+\./.test(t));
  }

  // Elements that stick out of the viewport sideways, outside any scroll box. Only the outermost
  // offender is listed; its descendants stick out with it.
  function horizontalOverflow() {
    const width = document.documentElement.clientWidth;
    const offenders = [];
    const reported = new Set();
    const clips = (node) => ["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(node).overflowX);
    for (const element of document.body.querySelectorAll("*")) {
      if (element.parentElement && element.parentElement.closest("svg")) continue;
      const r = element.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.right <= 0) continue; // moved off screen on purpose (skip link)
      if (r.right <= width + 0.5 && r.left >= -0.5) continue;
      let inside = false;
      for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
        if (reported.has(node) || clips(node)) inside = true;
      }
      if (inside) continue;
      reported.add(element);
      offenders.push({ element: describe(element), text: snippet(element), left: r.left, right: r.right });
    }
    return { viewport: width, scrollWidth: document.documentElement.scrollWidth, offenders };
  }

  // An element named by a CSS selector (as axe reports it), with the text just before it: for a
  // table, its caption paragraph.
  function locate(selector) {
    const element = document.querySelector(selector);
    if (!element) return selector;
    const before = element.previousElementSibling;
    return before ? `${describe(element)} after "${snippet(before)}"` : describe(element);
  }

  return { locate, chartTexts, figures, inPageLinks, tableCaptions, horizontalOverflow };
})();
