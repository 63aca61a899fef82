import { describe, expect, it } from 'vitest';
import { csvMoney, csvText, shiftReportCsv, reportFileName } from './shift-report-csv.js';
import { summariseShift } from './shift-report.js';

describe('csvMoney', () => {
  it('writes kopecks as a comma decimal without thousands separators or currency', () => {
    expect([0, 5, 150_000, 123_456_789, -90_000, -1].map(csvMoney)).toEqual(['0,00', '0,05', '1500,00', '1234567,89', '-900,00', '-0,01']);
  });
});

describe('csvText', () => {
  it('leaves plain Cyrillic alone and quotes separators, quotes, line breaks and edge spaces', () => {
    expect(csvText('Анна')).toBe('Анна');
    expect(csvText('Анна; Борис')).toBe('"Анна; Борис"');
    expect(csvText('Анна "старшая"')).toBe('"Анна ""старшая"""');
    expect(csvText('две\r\nстроки')).toBe('"две\r\nстроки"');
    expect(csvText(' Анна')).toBe('" Анна"');
  });

  it('keeps a name that looks like a formula as text', () => {
    expect(csvText('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvText('+7 999')).toBe("'+7 999");
    expect(csvText('-Анна')).toBe("'-Анна");
    expect(csvText('@Анна')).toBe("'@Анна");
  });
});

describe('shiftReportCsv', () => {
  const report = summariseShift(
    { from: '2026-11-28T21:00:00.000Z', to: '2026-11-29T21:00:00.000Z' },
    [{ id: 'pin:a', name: 'Анна', openingDebt: 100_000, taken: 50_000, handedIn: 120_000, reversed: 0 }],
    7_000,
  );

  it('starts with a BOM and writes every row with ; and CRLF, header in the till language', () => {
    const csv = shiftReportCsv(report, 'ru');
    expect(csv.startsWith('\ufeffОфициант;ID официанта;Долг на начало;')).toBe(true);
    expect(csv.split('\r\n')).toEqual([
      '\ufeffОфициант;ID официанта;Долг на начало;Взято у гостей;Сдано в кассу;Уменьшено возвратами заказов;Долг на конец',
      'Анна;pin:a;1000,00;500,00;1200,00;0,00;300,00',
      'Итого официанты;;1000,00;500,00;1200,00;0,00;300,00',
      'Наличные сразу в кассу за вычетом возвратов из кассы;;;70,00;;;',
      '',
    ]);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(shiftReportCsv(report, 'en').split('\r\n')[0]).toBe('\ufeffWaiter;Waiter ID;Opening debt;Taken from guests;Handed in;Lowered by order refunds;Closing debt');
  });

  it('writes an unnamed waiter with an empty name and the id', () => {
    const unnamed = summariseShift(report, [{ id: 'iiko:42', name: null, openingDebt: 0, taken: 1, handedIn: 0, reversed: 0 }], 0);
    expect(shiftReportCsv(unnamed, 'ru').split('\r\n')[1]).toBe(';iiko:42;0,00;0,01;0,00;0,00;0,01');
  });
});

describe('reportFileName', () => {
  it('names the file after the local date the period starts on', () => {
    expect(reportFileName(new Date(2026, 0, 5, 0, 0))).toBe('shift-report-2026-01-05.csv');
    expect(reportFileName(new Date(2026, 0, 5, 0, 0), 'cash-movements')).toBe('cash-movements-2026-01-05.csv');
  });
});
