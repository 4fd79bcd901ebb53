// Attack replay: a share link outlives its maker's right to share (removed or demoted editor); owners see and revoke every link into their notebooks.
import { beforeEach, describe, expect, it } from "vitest";
import { respondToShare } from "@/server/http/share";
import { createNote } from "@/server/services/notes";
import { changeMemberRole, removeMember } from "@/server/services/notebooks";
import { createShareLink, listMyShareLinks, listShareLinks, openShareLink, revokeShareLink } from "@/server/services/share-links";
import { callerFor, trpcError } from "@/test/helpers";
import { makeTeam, type Team } from "@/test/procedures";

let team: Team;

beforeEach(async () => {
  team = await makeTeam("sharecreator");
});

const notebookTarget = () => ({ targetType: "notebook" as const, targetId: team.notebookId });

function page(token: string) {
  return respondToShare({ method: "GET", path: `/s/${token}`, header: () => null });
}

async function editorsLiveLink() {
  await createNote(team.owner, { notebookId: team.notebookId, title: "Before", body: "Written before the removal." });
  const link = await createShareLink(team.editor, { ...notebookTarget(), label: "Editor's live link", mode: "live" });
  expect((await page(link.token)).status).toBe(200);
  return link;
}

describe("a share link works only while its maker may still share", () => {
  it("dies at once when its maker is removed from the notebook, and shows nothing written after", async () => {
    const link = await editorsLiveLink();
    await removeMember(team.owner, { notebookId: team.notebookId, userId: team.editor.id });
    await createNote(team.owner, { notebookId: team.notebookId, title: "After", body: "Written after the removal: secret." });
    expect(await openShareLink(link.token)).toBeNull();
    const response = await page(link.token);
    expect(response.status).toBe(404);
    expect(String(response.body)).not.toContain("secret");
  });

  it("dies when its maker is demoted to viewer, and lives again only if they may share again", async () => {
    const link = await editorsLiveLink();
    await changeMemberRole(team.owner, { notebookId: team.notebookId, userId: team.editor.id, role: "viewer" });
    expect(await openShareLink(link.token)).toBeNull();
    expect((await page(link.token)).status).toBe(404);
    await changeMemberRole(team.owner, { notebookId: team.notebookId, userId: team.editor.id, role: "editor" });
    expect(await openShareLink(link.token)).not.toBeNull();
  });
});

describe("owners see and revoke every link into their notebooks", () => {
  it("lists a removed colleague's link, with who made it, on the Shared links page and in the Share dialog, and revokes it", async () => {
    const link = await editorsLiveLink();
    const ownLink = await createShareLink(team.owner, { ...notebookTarget(), label: "Owner's own", mode: "live" });
    await removeMember(team.owner, { notebookId: team.notebookId, userId: team.editor.id });

    const mine = await callerFor(team.owner).share.listMine();
    const colleague = mine.find((l) => l.id === link.id);
    expect(colleague).toMatchObject({ label: "Editor's live link", madeBy: team.editor.name, status: "paused" });
    expect(mine.find((l) => l.id === ownLink.id)).toMatchObject({ madeBy: null, status: "active" });
    expect((await listShareLinks(team.owner, notebookTarget())).find((l) => l.id === link.id)).toMatchObject({ madeBy: team.editor.name });

    await callerFor(team.owner).share.revoke({ id: link.id });
    expect((await listMyShareLinks(team.owner)).find((l) => l.id === link.id)?.status).toBe("revoked");
    expect(await openShareLink(link.token)).toBeNull();
  });

  it("a viewer or a stranger can neither list nor revoke a colleague's link", async () => {
    const link = await editorsLiveLink();
    for (const user of [team.viewer, team.stranger]) {
      expect((await callerFor(user).share.listMine()).map((l) => l.id)).not.toContain(link.id);
      const refused = await trpcError(() => revokeShareLink(user, link.id));
      expect(["FORBIDDEN", "NOT_FOUND"]).toContain(refused.code);
    }
    expect((await trpcError(() => callerFor(team.stranger).share.list(notebookTarget()))).code).toBe("NOT_FOUND");
    expect((await trpcError(() => callerFor(team.viewer).share.list(notebookTarget()))).code).toBe("FORBIDDEN");
    expect(await openShareLink(link.token)).not.toBeNull();
  });

  it("the editor's own page lists only their links, not the owner's", async () => {
    const link = await editorsLiveLink();
    const ownerLink = await createShareLink(team.owner, { ...notebookTarget(), label: "Owner's", mode: "live" });
    const ids = (await listMyShareLinks(team.editor)).map((l) => l.id);
    expect(ids).toContain(link.id);
    expect(ids).not.toContain(ownerLink.id);
  });
});
