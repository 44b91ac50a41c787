//! Tables as files for spreadsheets: CSV (UTF-8 with a byte-order mark) and XLSX, with
//! Vietnamese headings; every text cell written so that it never runs as a formula. The JSON
//! API and the pages both write their downloads through here.

use std::borrow::Cow;

use rust_xlsxwriter::{Format, Workbook};

use crate::errors::Error;

/// A table to export: headings (Vietnamese) and rows of cells.
#[derive(Debug, Clone)]
pub struct Sheet {
    /// File name without extension, ASCII.
    pub file_name: String,
    /// Sheet and document title.
    pub title: String,
    pub headings: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Written through [`spreadsheet_text`], so it can never run as a formula.
    Text(String),
    Number(i64),
    /// A value with decimals (a share in percent, a target).
    Decimal(f64),
    /// A count withheld to protect people (fewer than 5).
    Suppressed,
    Empty,
}

/// The media type of a CSV file.
pub const CSV_TYPE: &str = "text/csv; charset=utf-8";
/// The media type of an XLSX file.
pub const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Text as a spreadsheet shows it without running it. A cell that starts like a formula (`=`,
/// `+`, `-`, `@`, tab or carriage return: OWASP's advice on CSV injection) gets a leading `'`,
/// which spreadsheet programs read as "this is text". Every text cell of every CSV and XLSX the
/// portal writes passes through here; numbers are written as numbers and are not touched.
pub fn spreadsheet_text(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// A cell as a CSV field.
pub fn csv_field(cell: &Cell) -> Cow<'_, str> {
    match cell {
        Cell::Text(t) => spreadsheet_text(t),
        Cell::Number(n) => Cow::Owned(n.to_string()),
        Cell::Decimal(x) => Cow::Owned(x.to_string()),
        Cell::Suppressed => Cow::Borrowed(SUPPRESSED),
        Cell::Empty => Cow::Borrowed(""),
    }
}

/// Text shown in place of a suppressed count.
pub const SUPPRESSED: &str = "<5";

/// CSV in UTF-8 with a byte-order mark, so spreadsheet programs read the Vietnamese right.
pub fn csv(sheet: &Sheet) -> Result<Vec<u8>, Error> {
    let mut writer = csv::Writer::from_writer(Vec::from("\u{feff}".as_bytes()));
    writer
        .write_record(
            sheet
                .headings
                .iter()
                .map(|h| spreadsheet_text(h).into_owned()),
        )
        .map_err(Error::internal)?;
    for row in &sheet.rows {
        writer
            .write_record(row.iter().map(|c| csv_field(c).into_owned()))
            .map_err(Error::internal)?;
    }
    writer.into_inner().map_err(Error::internal)
}

/// One worksheet, headings in bold, numbers as numbers.
pub fn xlsx(sheet: &Sheet) -> Result<Vec<u8>, Error> {
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    // Excel allows 31 characters and no []:*?/\ in a sheet name.
    let name: String = sheet
        .title
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect();
    ws.set_name(&name).map_err(Error::internal)?;
    let bold = Format::new().set_bold();
    for (col, heading) in sheet.headings.iter().enumerate() {
        let col = u16::try_from(col).map_err(Error::internal)?;
        ws.write_string_with_format(0, col, spreadsheet_text(heading), &bold)
            .map_err(Error::internal)?;
        ws.set_column_width(col, if col < 2 { 28 } else { 16 })
            .map_err(Error::internal)?;
    }
    for (r, row) in sheet.rows.iter().enumerate() {
        let r = u32::try_from(r + 1).map_err(Error::internal)?;
        for (c, cell) in row.iter().enumerate() {
            let c = u16::try_from(c).map_err(Error::internal)?;
            match cell {
                Cell::Text(t) => ws.write_string(r, c, spreadsheet_text(t)).map(|_| ()),
                Cell::Number(n) => ws.write_number(r, c, *n as f64).map(|_| ()),
                Cell::Decimal(x) => ws.write_number(r, c, *x).map(|_| ()),
                Cell::Suppressed => ws.write_string(r, c, SUPPRESSED).map(|_| ()),
                Cell::Empty => Ok(()),
            }
            .map_err(Error::internal)?;
        }
    }
    book.save_to_buffer().map_err(Error::internal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_prefixes_become_text() {
        for bad in [
            "=HYPERLINK(\"http://x\",\"y\")",
            "+1",
            "-1+2",
            "@SUM(1)",
            "\tx",
            "\rx",
        ] {
            assert_eq!(spreadsheet_text(bad), format!("'{bad}"));
        }
        for fine in ["Thợ hàn", "", "1 = 1", "'quoted"] {
            assert_eq!(spreadsheet_text(fine), fine);
        }
        assert_eq!(csv_field(&Cell::Number(-5)), "-5", "numbers stay numbers");
    }
}
