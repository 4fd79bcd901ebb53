// REST: a series' observations for scripts with an API token (POST to push, GET to read as of any moment).
import { getObservations, postObservations } from "@/server/rest/series-observations";

type Params = { params: Promise<{ key: string }> };

export async function POST(req: Request, { params }: Params) {
  return postObservations(req, (await params).key);
}

export async function GET(req: Request, { params }: Params) {
  return getObservations(req, (await params).key);
}
