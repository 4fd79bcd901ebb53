// The root layout: fonts, theme (set before paint), global styles and the tRPC provider.
import "@fontsource-variable/inter";
import "./globals.css";
import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { TRPCReactProvider } from "@/components/trpc/provider";
import { THEME_SCRIPT } from "@/components/ui/theme-script";

export const metadata: Metadata = {
  title: { default: "Quire", template: "%s · Quire" },
  description: "The research notebook for market analysts: commentary with live charts, tracked questions and read-only sharing.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body>
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
