// Shared steps for note specs: a signed-in context, a new note from a notebook, typing, waiting for the save.
import { expect, type Browser, type Page } from "@playwright/test";
import { registerViaUi } from "./accounts";

export async function signedInPage(browser: Browser, name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const account = await registerViaUi(page, { name });
  return { context, page, account };
}

/**
 * Opens the Ctrl/⌘ K switcher and returns its input. Right after a navigation the page's scripts may still be starting,
 * and a key pressed before its listener is attached does nothing (as for a person), so the key is pressed again until
 * the switcher is open.
 */
export async function openSwitcher(page: Page) {
  const input = page.getByRole("combobox", { name: /Find a note/ });
  await expect(async () => {
    if (!(await input.isVisible())) await page.keyboard.press("ControlOrMeta+k");
    await expect(input).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  return input;
}

/** Creates a notebook, then a note from its Notes tab; returns the note's id with the page on the editor (a new note opens in it). */
export async function newNote(page: Page, notebookName: string) {
  await page.getByRole("button", { name: "Create a notebook" }).click();
  await page.getByLabel("Name").fill(notebookName);
  await page.getByRole("button", { name: "Create notebook" }).click();
  await expect(page.getByTestId("notebook-title")).toHaveText(notebookName);
  const notebookUrl = page.url();
  await page.getByRole("button", { name: "New note" }).click();
  await expect(page).toHaveURL(/\/notes\/[a-z0-9]+(\?edit)?$/);
  await expect(page.getByTestId("note-title")).toHaveValue("Untitled note");
  await expect(page.locator(".cm-content")).toBeVisible();
  const id = new URL(page.url()).pathname.split("/").pop()!;
  return { id, notebookUrl };
}

/** Replaces the editor's whole text. */
export async function typeBody(page: Page, text: string) {
  await page.locator(".cm-content").click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(text);
}

export async function expectSaved(page: Page) {
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 10_000 });
}

/** The note as the server has it, through the tRPC HTTP API with the page's session. */
export async function serverNote(page: Page, id: string): Promise<{ title: string; body: string; version: number }> {
  const response = await page.request.get(`/api/trpc/notes.get?input=${encodeURIComponent(JSON.stringify({ json: { id } }))}`);
  expect(response.ok()).toBe(true);
  return (await response.json()).result.data.json;
}
