// e2e: live figures in the editor: the Figure dialog (series, statistic, preview) inserts :value{…} at the cursor; the editor shows it as a chip with the
// computed figure (or the reason there is none), and a click on the chip shows the directive to edit.
import { expect, test, type Page } from "@playwright/test";
import { signInViaUi } from "./helpers/accounts";
import { DEMO } from "./helpers/every-page";
import { expectSaved, serverNote, typeBody } from "./helpers/notes";

async function demoNotebookId(page: Page): Promise<string> {
  const reply = await page.request.get(`/api/trpc/notebooks.list?input=${encodeURIComponent(JSON.stringify({ json: undefined }))}`);
  expect(reply.status(), await reply.text()).toBe(200);
  const [notebook] = (await reply.json()).result.data.json as Array<{ id: string }>;
  return notebook!.id;
}

/** A new note in the demo notebook, open in the editor; returns its id. */
async function newDemoNote(page: Page): Promise<string> {
  await page.goto(`/notebooks/${await demoNotebookId(page)}`);
  await page.getByRole("button", { name: "New note" }).click();
  await expect(page).toHaveURL(/\/notes\/[a-z0-9]+(\?edit)?$/);
  await expect(page.locator(".cm-content")).toBeVisible();
  return new URL(page.url()).pathname.split("/").pop()!;
}

/** Moves the note to the trash, so the demo notebook's note list stays as other specs expect it. */
async function trashNote(page: Page, id: string) {
  const reply = await page.request.post("/api/trpc/notes.remove", { data: { json: { id } } });
  expect(reply.status(), await reply.text()).toBe(200);
}

test("the Figure dialog previews and inserts a figure; the editor shows it as a chip, a click shows the directive", async ({ page }) => {
  await signInViaUi(page, DEMO.email, DEMO.password);
  await expect(page).toHaveURL(/\/notebooks$/);
  const id = await newDemoNote(page);
  try {
    await typeBody(page, "The S&P 500 is up");
    await page.getByRole("button", { name: "Figure", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Insert a figure" });
    await expect(dialog.getByTestId("figure-preview")).toContainText("Choose a series.");

    // Keyboard: the search has the focus; Enter picks the first match.
    await expect(dialog.getByLabel("Find a series by key or name")).toBeFocused();
    await page.keyboard.type("SPX-2026");
    await page.keyboard.press("Enter");
    await expect(dialog.getByRole("radio", { name: /^SPX-2026 / })).toBeChecked();
    await expect(dialog.getByRole("radio")).toHaveCount(1);

    // The latest value, then the year to date.
    await expect(dialog.getByTestId("figure-preview-value")).toHaveText("101.50");
    await dialog.getByLabel("Statistic").selectOption("ytd");
    await expect(dialog.getByTestId("figure-preview-value")).toHaveText("1.5%");
    await expect(dialog.getByTestId("figure-preview")).toContainText(":value{series=SPX-2026 stat=ytd}");

    // A statistic that needs a start date says so in words; a date before the series starts gives the reason.
    await dialog.getByLabel("Statistic").selectOption("return");
    await expect(dialog.getByTestId("figure-preview")).toContainText("Choose the start date.");
    await dialog.getByLabel("From").fill("2020-01-02");
    await expect(dialog.getByTestId("figure-preview-problem")).toContainText("SPX-2026 has no value on or before 2020-01-02");
    await dialog.getByLabel("Statistic").selectOption("ytd");
    await expect(dialog.getByTestId("figure-preview-value")).toHaveText("1.5%");

    await dialog.getByRole("button", { name: "Insert figure" }).click();
    await expect(dialog).toBeHidden();

    const editor = page.locator(".cm-content");
    const chip = editor.getByTestId("figure-chip");
    await expect(chip).toHaveText("1.5%");
    await expect(chip).toHaveAttribute("data-state", "value");
    await expect(editor).not.toContainText(":value{");
    await expectSaved(page);
    expect((await serverNote(page, id)).body).toBe("The S&P 500 is up :value{series=SPX-2026 stat=ytd} ");

    // A click on the chip shows the directive to edit; moving away shows the chip again.
    await chip.click();
    await expect(editor).toContainText("The S&P 500 is up :value{series=SPX-2026 stat=ytd}");
    await expect(chip).toHaveCount(0);
    await page.keyboard.press("ControlOrMeta+Home");
    await expect(chip).toHaveText("1.5%");

    // A figure that cannot be computed is an error chip with the reason, never blank.
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.insertText("and :value{series=NOPE stat=ytd} elsewhere.");
    await page.keyboard.press("ControlOrMeta+Home");
    await expect(chip).toHaveCount(2);
    await expect(chip.nth(1)).toHaveAttribute("data-state", "error");
    await expect(chip.nth(1)).toHaveText(/no series “NOPE” in this notebook/);
  } finally {
    await trashNote(page, id);
  }
});
