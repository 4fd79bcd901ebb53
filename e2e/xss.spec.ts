// e2e: an XSS corpus saved as note bodies (through the UI and the tRPC HTTP API) runs no script in the editor preview or the rendered view.
import { expect, test, type Page } from "@playwright/test";
import { registerViaUi } from "./helpers/accounts";
import { QUESTION } from "./helpers/sample-inputs";

/** One attack per block, blank lines between, so that no HTML block swallows the next attack. */
const CORPUS = [
  "# XSS corpus",
  "Inline <img src=x onerror=\"window.__xss='inline'\"> html and <span onmouseover=\"window.__xss='span'\">a span</span> in a paragraph.",
  "<script>window.__xss = 'script'; alert('script')</script>",
  "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
  "<img src=x onerror=\"window.__xss='img'; alert('img')\">",
  "<img src=x onerror=alert('unquoted')//",
  '<svg onload="window.__xss=\'svg\'"><circle r="10"/></svg>',
  '<svg><script>window.__xss="svg-script"</script></svg>',
  "<iframe src=\"javascript:parent.__xss='iframe'\"></iframe>",
  "<iframe srcdoc=\"<script>parent.__xss='srcdoc'</script>\"></iframe>",
  "<a href=\"javascript:window.__xss='html-a'\">html link</a>",
  "[md link](javascript:window.__xss='md-link')",
  "[upper link](JaVaScRiPt:alert('upper'))",
  "[spaced link](  javascript:alert('spaced'))",
  "[entity link](&#106;avascript:alert('entity'))",
  "[tab link](java\tscript:alert('tab'))",
  "[data link](data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3M9J2RhdGEnPC9zY3JpcHQ+)",
  "[vb link](vbscript:msgbox(1))",
  "![js image](javascript:alert('img-md'))",
  "![data svg](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIi8+)",
  "[ref link][evil]",
  "[evil]: javascript:alert('ref')",
  "<javascript:alert('autolink')>",
  "<https://example.com/\"onmouseover=\"window.__xss='autolink'>",
  "<div style=\"position:fixed;inset:0;z-index:9999;background:red\" onclick=\"window.__xss='overlay'\">style overlay</div>",
  "<style>body { display: none }</style>",
  "<link rel=stylesheet href=//evil.example/x.css>",
  "<object data=\"javascript:alert('object')\"></object>",
  "<embed src=\"javascript:alert('embed')\">",
  "<math><mtext><table><mglyph><style><img src=x onerror=\"window.__xss='mxss'\">",
  "<details open ontoggle=\"window.__xss='details'\"><summary>x</summary></details>",
  "<form action=\"javascript:alert('form')\"><button formaction=\"javascript:alert(1)\">go</button></form>",
  "<input autofocus onfocus=\"window.__xss='focus'\">",
  "<<script>alert('broken')//<</script>",
  "<img src=\"x\" onerror=\"alert('unterminated')\"",
  "<a href=\"https://example.com\" onmouseover=\"window.__xss='hover'\">hover me",
  "<base href=\"javascript:alert('base')//\">",
  "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert('meta')\">",
  "::chart{id=\"x\\\" onmouseover=\\\"window.__xss='directive'\"}",
  "::chart{id=safe-id onclick=\"window.__xss='dir-click'\" style=\"position:fixed;inset:0\" class=\"evil\"}",
  "::question{id='q\" autofocus onfocus=\"window.__xss=1'}",
  ":::chart{id=container}\n<img src=x onerror=\"window.__xss='container'\">\n:::",
  ":abbr[hover]{title=\"x\" onmouseover=\"window.__xss='text-directive'\"}",
  "A footnote[^x\" onclick=\"alert(1)].",
  "[^x\" onclick=\"alert(1)]: <img src=x onerror=alert('footnote')>",
  "A real footnote[^n].",
  "[^n]: With <img src=x onerror=\"window.__xss='fn'\"> and [a link](javascript:alert('fn-link')).",
  "| table | <img src=x onerror=alert('cell')> |\n|---|---|\n| [cell link](javascript:alert('cell-link')) | ok |",
].join("\n\n");

/** Fails the test on any alert, confirm or prompt (a leave-page prompt is accepted: it is the editor's own warning). */
function watchDialogs(page: Page) {
  const seen: string[] = [];
  page.on("dialog", (dialog) => {
    if (dialog.type() === "beforeunload") {
      void dialog.accept();
      return;
    }
    seen.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return seen;
}

/** Hovers, focuses and clicks what is safe to click inside a rendered note, to give any handler its chance. */
async function poke(page: Page, root: string) {
  const elements = page.locator(`${root} .prose *`);
  const count = Math.min(await elements.count(), 120);
  for (let i = 0; i < count; i += 1) {
    const el = elements.nth(i);
    if (!(await el.isVisible())) continue;
    await el.hover({ timeout: 1_000, force: true }).catch(() => {});
  }
  const inertLinks = page.locator(`${root} .prose a:not([href]), ${root} .prose a[href^="#"]`);
  for (let i = 0; i < (await inertLinks.count()); i += 1) {
    await inertLinks.nth(i).click({ timeout: 1_000, force: true, noWaitAfter: true }).catch(() => {});
  }
}

/** What a rendered note holds that it never should, and whether the canary was set. */
async function inertReport(page: Page, root: string) {
  const report = await page.evaluate((selector) => {
    const scope = document.querySelector(selector);
    if (!scope) return { missing: true, bad: [] as string[] };
    const bad: string[] = [];
    for (const el of scope.querySelectorAll(".prose *")) {
      const tag = el.tagName.toLowerCase();
      if (["script", "iframe", "object", "embed", "svg", "style", "link", "meta", "base", "form", "math", "textarea", "select", "button"].includes(tag)) bad.push(`<${tag}>`);
      if (tag === "input" && (el as HTMLInputElement).type !== "checkbox") bad.push("<input> that is not a task checkbox");
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        const value = attr.value.replace(/[\s\u0000-\u001f]+/g, "").toLowerCase();
        if (name.startsWith("on")) bad.push(`${tag}[${name}]`);
        if (name === "style" || name === "srcdoc" || name === "formaction") bad.push(`${tag}[${name}]`);
        if (["href", "src", "action", "xlink:href"].includes(name) && /^(javascript|data|vbscript):/.test(value)) bad.push(`${tag}[${name}=${attr.value}]`);
      }
    }
    return { missing: false, bad };
  }, root);
  const canary = await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
  return { ...report, canary };
}

async function expectInert(page: Page, root: string) {
  const report = await inertReport(page, root);
  expect(report.missing).toBe(false);
  expect(report.bad).toEqual([]);
  expect(report.canary).toBeUndefined();
  await expect(page.locator("body")).toBeVisible();
}

async function createNotebook(page: Page, name: string) {
  await page.getByRole("button", { name: "Create a notebook" }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create notebook" }).click();
  await expect(page.getByTestId("notebook-title")).toHaveText(name);
  return page.url().split("/").pop()!;
}

async function trpcMutation(page: Page, path: string, input: unknown) {
  const response = await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()).result.data.json;
}

test("a note body typed in the editor runs no script in the live preview", async ({ page }) => {
  const dialogs = watchDialogs(page);
  await registerViaUi(page, { name: "Xavier Typed" });
  await createNotebook(page, "XSS typed");
  await page.getByRole("button", { name: "New note" }).click();
  await expect(page.locator(".cm-content")).toBeVisible();
  await page.locator(".cm-content").click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(CORPUS);

  const preview = page.getByTestId("note-preview");
  await expect(preview.locator("h1")).toHaveText("XSS corpus");
  await expect(preview.locator('.embed-card[data-embed-id="safe-id"]')).toContainText("No chart “safe-id” in this notebook");
  await expect(preview.locator("table")).toBeVisible();
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 10_000 });
  await poke(page, '[data-testid="note-preview"]');
  await expectInert(page, '[data-testid="note-preview"]');

  await page.reload();
  await expect(page.getByTestId("note-preview").locator("h1")).toHaveText("XSS corpus");
  await poke(page, '[data-testid="note-preview"]');
  await expectInert(page, '[data-testid="note-preview"]');
  expect(dialogs).toEqual([]);
});

test("a note body saved through the tRPC HTTP API runs no script in the editor preview or the rendered view", async ({ page }) => {
  const dialogs = watchDialogs(page);
  await registerViaUi(page, { name: "Xena API" });
  const notebookId = await createNotebook(page, "XSS via API");
  const { id } = await trpcMutation(page, "notes.create", { notebookId, title: "<img src=x onerror=alert('title')>", body: CORPUS });

  await page.goto(`/notes/${id}?edit`);
  await expect(page.getByTestId("note-title")).toHaveValue("<img src=x onerror=alert('title')>");
  const preview = page.getByTestId("note-preview");
  await expect(preview.locator("h1")).toHaveText("XSS corpus");
  await poke(page, '[data-testid="note-preview"]');
  await expectInert(page, '[data-testid="note-preview"]');

  await trpcMutation(page, "notes.remove", { id });
  await page.goto(`/notes/${id}`);
  const read = page.getByTestId("note-read");
  await expect(read.locator("h1")).toHaveText("XSS corpus");
  await expect(page.getByTestId("note-title")).toHaveText("<img src=x onerror=alert('title')>");
  await expect(read.locator('.embed-card[data-embed-id="safe-id"]')).toBeVisible();
  await poke(page, '[data-testid="note-read"]');
  await expectInert(page, '[data-testid="note-read"]');
  expect(await page.locator("img[onerror], [onmouseover], [onclick], [onfocus], [onload]").count()).toBe(0);
  expect(dialogs).toEqual([]);

  // Control: the same checks do see a handler that reaches the page, so their silence above means something. The
  // page's CSP (a nonce, no 'unsafe-inline') then refuses to run it: the second line of defence holds as well.
  const violations: string[] = [];
  page.on("console", (m) => /Content Security Policy/.test(m.text()) && violations.push(m.text()));
  await page.evaluate(() => {
    const img = document.createElement("img");
    img.setAttribute("src", "data:,x");
    img.setAttribute("onerror", "window.__xss='control'");
    document.querySelector('[data-testid="note-read"] .prose')!.append(img);
  });
  await expect.poll(async () => (await inertReport(page, '[data-testid="note-read"]')).bad).toEqual(expect.arrayContaining(["img[onerror]"]));
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect((await inertReport(page, '[data-testid="note-read"]')).canary).toBeUndefined();
});

/** Inside charts, SVG is expected; what must never be there: scripts, foreign objects, handlers, script URLs. */
async function expectChartsInert(page: Page, root: string) {
  const bad = await page.evaluate((selector) => {
    const found: string[] = [];
    for (const el of document.querySelectorAll(`${selector} *`)) {
      const tag = el.tagName.toLowerCase();
      if (["script", "foreignobject", "iframe", "object", "embed", "img"].includes(tag)) found.push(`<${tag}>`);
      for (const attr of Array.from(el.attributes)) {
        if (attr.name.toLowerCase().startsWith("on")) found.push(`${tag}[${attr.name}]`);
        if (/href$/i.test(attr.name) && /^\s*(javascript|data):/i.test(attr.value)) found.push(`${tag}[${attr.name}]`);
      }
    }
    return found;
  }, root);
  expect(bad).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
}

test("a chart whose title, series name and annotation carry markup runs no script in the note, the chart page or the export", async ({ page }) => {
  const dialogs = watchDialogs(page);
  await registerViaUi(page, { name: "Xavier Chart" });
  const notebookId = await createNotebook(page, "XSS via charts");
  const evil = `"><img src=x onerror=alert('svg')><script>alert('svg')</script>`;
  const series = await trpcMutation(page, "series.create", { notebookId, key: "EVIL", name: `Series ${evil}`, unit: "<b onmouseover=alert(1)>" });
  await trpcMutation(page, "series.import", { seriesId: series.id, text: "date,v\n2026-01-02,1\n2026-01-05,2\n", mapping: { dateColumn: "date", valueColumn: "v" } });
  const chart = await trpcMutation(page, "charts.create", {
    notebookId,
    spec: { title: `Chart ${evil}`, description: `Desc ${evil}`, kind: "line", series: ["EVIL"], range: { preset: "max" }, annotations: [{ date: "2026-01-03", label: "<svg onload=alert(1)>" }] },
  });
  const { id } = await trpcMutation(page, "notes.create", { notebookId, title: "Charts", body: `::chart{id=${chart.id}}` });

  await page.goto(`/notes/${id}?edit`);
  const figure = page.getByTestId("note-preview").locator(`figure[data-chart-id="${chart.id}"]`);
  await expect(figure.locator("svg").first()).toBeVisible();
  await expect(figure.locator(".chart-figure")).toHaveAttribute("data-interactive", "true");
  await figure.locator(".chart-figure").hover();
  await expectChartsInert(page, '[data-testid="note-preview"]');

  await page.goto(`/charts/${chart.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText('Chart "><img');
  await page.locator(".chart-figure").hover();
  await page.getByRole("button", { name: "Show data" }).click();
  await expect(page.locator(".data-table")).toContainText("Series");
  await expectChartsInert(page, "main");

  // The exported page, opened as a browser would: it draws the chart and holds nothing that runs.
  const exported = await page.request.get(`/api/notes/${id}/export?format=html`);
  await page.setContent(await exported.text());
  await expect(page.locator("figure.chart svg")).toBeVisible();
  await expect(page.locator("figure.chart figcaption")).toContainText("<script>alert('svg')</script>");
  await expectChartsInert(page, "article");
  expect(dialogs).toEqual([]);
});

test("comment bodies carrying the corpus run no script in a note's comments panel or a question's discussion", async ({ page }) => {
  const dialogs = watchDialogs(page);
  await registerViaUi(page, { name: "Xenia Comment" });
  const notebookId = await createNotebook(page, "XSS via comments");
  const { id } = await trpcMutation(page, "notes.create", { notebookId, title: "Commented", body: "# Commented\n\nA passage to discuss." });
  const thread = await trpcMutation(page, "comments.create", { targetType: "note", targetId: id, body: CORPUS, anchor: { quote: "A passage to discuss." } });
  await trpcMutation(page, "comments.reply", { threadId: thread.threadId, body: `@[<img src=x onerror=alert('mention')>](mention:x) and @[x" onclick="alert(1)](mention:y)\n\n${CORPUS}` });

  await page.goto(`/notes/${id}#comment-${thread.threadId}`);
  const panel = page.getByTestId("comments-panel");
  await expect(panel.getByTestId("comment")).toHaveCount(2);
  await expect(panel.locator(".comment-body h1").first()).toHaveText("XSS corpus");
  await expect(panel.locator(".mention").first()).toHaveText("@<img src=x onerror=alert('mention')>");
  await poke(page, '[data-testid="comments-panel"]');
  await expectInert(page, '[data-testid="comments-panel"]');

  const question = await trpcMutation(page, "questions.create", { notebookId, ...QUESTION });
  await trpcMutation(page, "comments.create", { targetType: "question", targetId: question.id, body: CORPUS });
  await page.goto(`/questions/${question.id}`);
  const discussion = page.getByTestId("question-discussion");
  await expect(discussion.locator(".comment-body h1")).toHaveText("XSS corpus");
  await poke(page, '[data-testid="question-discussion"]');
  await expectInert(page, '[data-testid="question-discussion"]');
  expect(dialogs).toEqual([]);
});
