// The forecast chart's markers: one per forecaster per day listing each forecast, one day's markers from several forecasters spread apart, and the figure drawing them.
import * as Plot from "@observablehq/plot";
import { describe, expect, it } from "vitest";
import { createServerDocument } from "@/lib/charts/server-document";
import { forecastFigure, forecastMarkers, spreadSameDay, type ChartForecast, type ForecastChartQuestion } from "./forecast-figure";

function forecast(userId: string, at: string, probability: number, noteTitle: string | null = null): ChartForecast {
  return { userId, userName: userId === "u1" ? "Ada" : "Ben", at: new Date(at), probability, value: null, low: null, high: null, rationale: "", noteId: null, noteTitle };
}

function question(forecasts: ChartForecast[]): ForecastChartQuestion {
  return {
    kind: "binary",
    status: "open",
    unit: "",
    resolveBy: "2026-12-31",
    createdAt: new Date("2026-01-01T00:00:00Z"),
    resolvedAt: null,
    outcome: null,
    rangeMin: null,
    rangeMax: null,
    forecasts,
    citedBy: [],
  };
}

const sameDay = [
  forecast("u1", "2026-03-02T15:30:00Z", 0.5),
  forecast("u1", "2026-03-02T09:10:00Z", 0.3),
  forecast("u1", "2026-03-02T11:00:00Z", 0.45, "Jobs note"),
  forecast("u2", "2026-03-02T12:00:00Z", 0.5),
  forecast("u1", "2026-03-05T10:00:00Z", 0.6),
];

describe("forecastMarkers", () => {
  it("draws one marker per forecaster per day, at the day's last forecast, listing each of the day's forecasts in time order", () => {
    const markers = forecastMarkers(question(sameDay), "u1");
    expect(markers.map((m) => [m.user, m.day, m.y, m.forecasts.length])).toEqual([
      ["Ben", "2026-03-02", 50, 1],
      ["Ada", "2026-03-02", 50, 3],
      ["Ada", "2026-03-05", 60, 1],
    ]);
    const ada = markers[1]!;
    expect(ada.mine).toBe(true);
    expect(ada.at.toISOString()).toBe("2026-03-02T15:30:00.000Z");
    expect(ada.forecasts.map((f) => `${f.time} ${f.text}`)).toEqual(["09:10 30%", "11:00 45%", "15:30 50%"]);
    expect(ada.label).toBe("Ada: 3 forecasts on 2026-03-02: 09:10 30%; 11:00 45% · from “Jobs note”; 15:30 50%");
    expect(ada.tip.split("\n")).toEqual(["Ada, 3 forecasts on 2026-03-02:", "09:10  30%", "11:00  45% · from “Jobs note”", "15:30  50%"]);
    expect(markers[0]!.label).toBe("Ben: 50% (2026-03-02 12:00)");
  });

  it("reads the day in the given time zone: 01:00 UTC is the evening before in New York", () => {
    const late = [forecast("u1", "2026-03-02T01:00:00Z", 0.2), forecast("u1", "2026-03-02T14:00:00Z", 0.4)];
    expect(forecastMarkers(question(late), null, "UTC").map((m) => m.forecasts.length)).toEqual([2]);
    const ny = forecastMarkers(question(late), null, "America/New_York");
    expect(ny.map((m) => [m.day, m.forecasts[0]!.time])).toEqual([
      ["2026-03-01", "20:00"],
      ["2026-03-02", "09:00"],
    ]);
  });
});

describe("spreadSameDay", () => {
  const hour = 3_600_000;
  const at = (h: number, day = "2026-03-02") => ({ day, at: new Date(Date.UTC(2026, 2, 2, h)), x: new Date(Date.UTC(2026, 2, 2, h)) });

  it("spreads a crowded day's markers gapPx apart in time order, centred on where they belong", () => {
    // A year across 800 px: a pixel is about 11 hours, so 09:00 and 15:00 would sit on one pixel.
    const msPerPx = 11 * hour;
    const [a, b, c] = spreadSameDay([at(15), at(9), at(12)], msPerPx, 9);
    const centre = Date.UTC(2026, 2, 2, 12);
    expect((a!.x.getTime() - centre) / msPerPx).toBeCloseTo(9);
    expect((b!.x.getTime() - centre) / msPerPx).toBeCloseTo(-9);
    expect((c!.x.getTime() - centre) / msPerPx).toBeCloseTo(0);
  });

  it("leaves alone a day with one marker, and a day whose markers already stand apart", () => {
    const alone = [at(9), at(10, "2026-03-03")];
    expect(spreadSameDay(alone, 11 * hour, 9).map((m) => m.x)).toEqual(alone.map((m) => m.x));
    // A week across 800 px: six hours is about 29 px.
    const apart = [at(9), at(15)];
    expect(spreadSameDay(apart, (7 * 24 * hour) / 800, 9).map((m) => m.x)).toEqual(apart.map((m) => m.x));
  });
});

describe("forecastFigure", () => {
  it("draws each forecaster's day once, named with its forecasts, with the count beside a marker of several, and no two markers of a day at one x", () => {
    const { figure, model } = forecastFigure(Plot, question(sameDay), { meId: "u1", width: 720, document: createServerDocument(), now: new Date("2026-06-01T00:00:00Z") });
    const circles = Array.from(figure.querySelectorAll(".q-forecast-markers circle"));
    expect(circles).toHaveLength(3);
    expect(circles.map((c) => c.getAttribute("aria-label"))).toEqual(model.markers.map((m) => m.label));
    expect(circles.every((c) => c.getAttribute("role") === "img")).toBe(true);
    const [ben, ada] = circles.map((c) => Number(c.getAttribute("cx")));
    expect(Math.abs(ada! - ben!)).toBeGreaterThanOrEqual(8);
    expect(Array.from(figure.querySelectorAll(".q-forecast-counts text")).map((t) => t.textContent)).toEqual(["×3"]);
    expect(figure.querySelectorAll("[aria-label]:not([role])")).toHaveLength(0);
  });
});
