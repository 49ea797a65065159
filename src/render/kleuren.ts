/** Class colours from lowest (green) to highest (red), spread over however many classes a model has. */
const PALET = ['#2e7d32', '#f9a825', '#ef6c00', '#c62828'];

export function klasseKleur(niveau: number, aantal: number): string {
  if (aantal <= 1) return PALET[0]!;
  const i = Math.round((niveau / (aantal - 1)) * (PALET.length - 1));
  return PALET[Math.max(0, Math.min(PALET.length - 1, i))]!;
}
