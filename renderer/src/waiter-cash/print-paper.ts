/** What goes on paper: the hand-in slip or the shift report, on an 80 mm receipt printer or A4. */
export type PrintPiece = 'slip' | 'report';
export type Paper = 'receipt' | 'a4';

/**
 * Prints one piece of the screen through the window's print (the desktop app's and the browser's
 * alike; "Save as PDF" is the print dialog's own choice). The print CSS shows only the marked piece,
 * on the named page of the paper chosen.
 */
export function printPiece(piece: PrintPiece, paper: Paper): void {
  document.body.dataset.print = piece;
  document.body.dataset.paper = paper;
  const done = () => {
    delete document.body.dataset.print;
    delete document.body.dataset.paper;
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}
