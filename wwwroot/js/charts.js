// Small SVG charts drawn by hand (no libraries: the machine is offline). Every chart has a text label; the pages also show the numbers in tables.
const NS = "http://www.w3.org/2000/svg";
const WIDTH = 640;
const HEIGHT = 240;
const PAD = { top: 12, right: 16, bottom: 28, left: 52 };

function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function frame(label) {
  const root = svg("svg", { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: "img", "aria-label": label, class: "chart" });
  root.append(svg("title", {}, label));
  return root;
}

function niceMax(value) {
  if (!(value > 0)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * magnitude >= value);
  return step * magnitude;
}

function yAxis(root, max, format) {
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  for (let i = 0; i <= 4; i++) {
    const y = PAD.top + plotHeight - (plotHeight * i) / 4;
    root.append(svg("line", { x1: PAD.left, x2: WIDTH - PAD.right, y1: y, y2: y, class: "grid" }));
    root.append(svg("text", { x: PAD.left - 6, y: y + 4, "text-anchor": "end", class: "tick" }, format((max * i) / 4)));
  }
}

function legend(root, entries) {
  let x = PAD.left;
  for (const { name, className } of entries) {
    root.append(svg("rect", { x, y: HEIGHT - 12, width: 10, height: 10, class: `swatch ${className}` }));
    const text = svg("text", { x: x + 14, y: HEIGHT - 3, class: "tick" }, name);
    root.append(text);
    x += 24 + name.length * 7;
  }
}

// series: [{ name, className, points: [{ x: Date|number, y }] }]; lines: [{ name, className, y }] drawn across the plot.
export function lineChart(container, { label, series, lines = [], formatY = String, formatX = String }) {
  const points = series.flatMap((s) => s.points);
  const root = frame(label);
  const xs = points.map((p) => +p.x);
  const xMin = xs.length ? Math.min(...xs) : 0;
  const xMax = xs.length ? Math.max(...xs) : 1;
  const yMax = niceMax(Math.max(0, ...points.map((p) => p.y), ...lines.map((l) => l.y ?? 0)) * 1.05);
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const sx = (x) => PAD.left + (xMax === xMin ? plotWidth : ((+x - xMin) / (xMax - xMin)) * plotWidth);
  const sy = (y) => PAD.top + plotHeight - (y / yMax) * plotHeight;
  yAxis(root, yMax, formatY);
  if (xs.length) {
    root.append(svg("text", { x: PAD.left, y: HEIGHT - 16, class: "tick" }, formatX(xMin)));
    root.append(svg("text", { x: WIDTH - PAD.right, y: HEIGHT - 16, "text-anchor": "end", class: "tick" }, formatX(xMax)));
  }
  for (const line of lines.filter((l) => l.y !== null && l.y !== undefined)) {
    root.append(svg("line", { x1: PAD.left, x2: WIDTH - PAD.right, y1: sy(line.y), y2: sy(line.y), class: `limit ${line.className}` }));
  }
  for (const s of series) {
    if (!s.points.length) continue;
    const d = s.points.map((p, i) => `${i ? "L" : "M"}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(" ");
    root.append(svg("path", { d, class: `series ${s.className}` }));
    if (s.points.length === 1) root.append(svg("circle", { cx: sx(s.points[0].x), cy: sy(s.points[0].y), r: 3, class: `dot ${s.className}` }));
  }
  legend(root, [...series, ...lines.filter((l) => l.y !== null && l.y !== undefined)]);
  container.replaceChildren(root);
}

// groups: [{ label, values: [number per bar] }]; bars: [{ name, className }] in the order of values.
export function barChart(container, { label, groups, bars, formatY = String }) {
  const root = frame(label);
  const yMax = niceMax(Math.max(0, ...groups.flatMap((g) => g.values.map((v) => v ?? 0))) * 1.05);
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotWidth / Math.max(1, groups.length);
  const barWidth = Math.max(1, (slot * 0.8) / bars.length);
  yAxis(root, yMax, formatY);
  groups.forEach((group, i) => {
    group.values.forEach((value, j) => {
      const h = ((value ?? 0) / yMax) * plotHeight;
      const x = PAD.left + i * slot + slot * 0.1 + j * barWidth;
      const bar = svg("rect", { x, y: PAD.top + plotHeight - h, width: barWidth, height: h, class: `bar ${bars[j].className}` });
      bar.append(svg("title", {}, `${group.label}: ${bars[j].name} ${formatY(value ?? 0)}`));
      root.append(bar);
    });
    if (groups.length <= 31 && (i % 7 === 0 || i === groups.length - 1)) {
      root.append(svg("text", { x: PAD.left + i * slot + slot / 2, y: HEIGHT - 16, "text-anchor": "middle", class: "tick" }, group.label));
    }
  });
  legend(root, bars);
  container.replaceChildren(root);
}
