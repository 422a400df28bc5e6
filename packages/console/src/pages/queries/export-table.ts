import { CSV_BOM, csvLines, type ResultTable } from './queries';

/** Rows written between two looks at the progress bar: small enough to keep the page responsive. */
const CHUNK = 500;

const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The result as a CSV file, reporting the share of rows written (0–1) as it goes. */
export async function csvBlob(table: ResultTable, onProgress: (done: number) => void) {
  const lines = csvLines(table);
  const parts: string[] = [CSV_BOM];
  for (let start = 0; start < lines.length; start += CHUNK) {
    parts.push(...lines.slice(start, start + CHUNK));
    onProgress(Math.min(1, (start + CHUNK) / lines.length));
    await nextFrame();
  }
  return new Blob(parts, { type: 'text/csv;charset=utf-8' });
}

/**
 * The result as an XLSX workbook. exceljs is loaded here, on the first export, so it weighs on
 * no page load.
 */
export async function xlsxBlob(
  table: ResultTable,
  sheetName: string,
  onProgress: (done: number) => void,
) {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  // Sheet names are at most 31 characters and refuse a few symbols.
  const sheet = workbook.addWorksheet(
    sheetName.replace(/[\\/?*[\]:]/g, '_').slice(0, 31) || '结果',
  );
  sheet.columns = table.columns.map((column) => ({ header: column, key: column, width: 20 }));
  for (let start = 0; start < table.rows.length; start += CHUNK) {
    sheet.addRows(table.rows.slice(start, start + CHUNK));
    // Writing the file is the last tenth.
    onProgress(Math.min(0.9, ((start + CHUNK) / Math.max(1, table.rows.length)) * 0.9));
    await nextFrame();
  }
  const buffer = await workbook.xlsx.writeBuffer();
  onProgress(1);
  return new Blob([buffer], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}

/** Hands the file to the browser as a download. */
export function download(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
