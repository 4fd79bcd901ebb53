// How much a notebook's overview shows (shared by the page, which draws the thumbnails on the server, and the view).
/** How many charts get a thumbnail on the overview. */
export const OVERVIEW_CHARTS = 6;
/** How many questions and series the overview lists. */
export const OVERVIEW_ROWS = 8;
