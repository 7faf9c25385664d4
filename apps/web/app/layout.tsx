import type { ReactNode } from 'react';
import './globals.css';

export const metadata = { title: 'Strata', description: 'Layered images, decomposed and edited together' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
