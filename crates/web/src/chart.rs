//! Charts as small inline SVG made on the server: horizontal bars for a statistic's rows and a
//! line for an indicator's path to its target. No crate: the chart crates we looked at lay out
//! text with font files (plotters needs its `ttf` or `ab_glyph` feature to draw a label) and
//! give no hold on the root element's `role`, `<title>` and `<desc>`; these two shapes need
//! neither. Colours and lines are SVG attributes or classes of portal.css (the CSP allows no
//! inline style); the text is the browser's system font, like the page's.
//!
//! Each chart is `role="img"` named by its `<title>` and described by its `<desc>` (what it
//! shows in one or two sentences); its children are presentational to screen readers, which read
//! the numbers from the table printed beside it.

use std::fmt::Write;

use crate::lang::Lang;

/// One series of a bar chart (a column of the statistic).
#[derive(Debug, Clone)]
pub struct Series {
    pub name: String,
}

/// One row of a bar chart: its label and one value per series; `None` where withheld.
#[derive(Debug, Clone)]
pub struct Bar {
    pub label: String,
    pub values: Vec<Option<i64>>,
}

/// The colours of the series (WCAG 1.4.11: each at least 3:1 against white), in order.
const COLOURS: [&str; 3] = ["#1d70b8", "#b35a00", "#00703c"];

/// How many rows a chart draws at most; the table beside it has them all.
pub const MAX_BARS: usize = 15;

/// About one unit a pixel on a 360-pixel phone, so the text reads at the page's small size.
const WIDTH: u32 = 320;
const LABEL_H: u32 = 18;
const BAR_H: u32 = 12;
const GAP: u32 = 10;
/// One line of the legend.
const LEGEND_LINE: u32 = 18;

/// Escapes text for SVG (the same rules as HTML text and attributes).
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A label cut to what fits one line of the chart (the table has it whole).
fn short(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        label.to_owned()
    } else {
        let mut s: String = label.chars().take(max - 1).collect();
        s.push('…');
        s
    }
}

/// The chart's opening: the root with its role and names, the title and description, and the
/// pattern that marks a withheld value.
fn open(out: &mut String, id: &str, height: u32, title: &str, desc: &str) {
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {WIDTH} {height}\" \
         role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" focusable=\"false\">\
         <title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        esc(title),
        esc(desc)
    );
}

/// A horizontal bar chart: each row's label on a line, under it one bar per series, the value
/// at the bar's end; a withheld value is an outlined, hatched stub marked "< 5". Rows past
/// [`MAX_BARS`] are left out (the description says so).
pub fn bars(
    lang: Lang,
    id: &str,
    title: &str,
    desc: &str,
    series: &[Series],
    rows: &[Bar],
    withheld: &str,
) -> String {
    let rows = &rows[..rows.len().min(MAX_BARS)];
    let n = series.len().max(1) as u32;
    // One legend line per series: names are long and a phone is narrow.
    let legend_h = if series.len() > 1 {
        series.len() as u32 * LEGEND_LINE + 6
    } else {
        0
    };
    let row_h = LABEL_H + n * (BAR_H + 2) + GAP;
    let height = legend_h + (rows.len() as u32).max(1) * row_h + 4;
    let max = rows
        .iter()
        .flat_map(|r| r.values.iter().flatten())
        .copied()
        .max()
        .unwrap_or(0)
        .max(1);
    // Room on the right for the longest value written at a bar's end.
    let room = 56.0;
    let scale = (f64::from(WIDTH) - room) / max as f64;
    let mut out = String::with_capacity(1024 + rows.len() * 400);
    open(&mut out, id, height, title, desc);
    out.push_str(
        "<defs><pattern id=\"withheld\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" \
         patternTransform=\"rotate(45)\"><rect width=\"2\" height=\"6\" fill=\"#505a5f\"/></pattern></defs>",
    );
    if series.len() > 1 {
        for (i, s) in series.iter().enumerate() {
            let y = i as u32 * LEGEND_LINE;
            let _ = write!(
                out,
                "<rect x=\"0\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{}\"/>\
                 <text x=\"18\" y=\"{}\" class=\"chart-text\">{}</text>",
                y + 3,
                COLOURS[i % COLOURS.len()],
                y + 14,
                esc(&short(&s.name, 40))
            );
        }
    }
    if rows.is_empty() {
        return out + "</svg>";
    }
    for (r, row) in rows.iter().enumerate() {
        let top = legend_h + r as u32 * row_h;
        let _ = write!(
            out,
            "<text x=\"0\" y=\"{}\" class=\"chart-text\">{}</text>",
            top + 14,
            esc(&short(&row.label, 42))
        );
        for (i, v) in row.values.iter().enumerate().take(series.len().max(1)) {
            let y = top + LABEL_H + i as u32 * (BAR_H + 2);
            match v {
                Some(v) => {
                    let w = (*v as f64 * scale)
                        .round()
                        .max(if *v > 0 { 1.0 } else { 0.0 });
                    let _ = write!(
                        out,
                        "<rect x=\"0\" y=\"{y}\" width=\"{w}\" height=\"{BAR_H}\" fill=\"{}\"/>\
                         <text x=\"{}\" y=\"{}\" class=\"chart-value\">{}</text>",
                        COLOURS[i % COLOURS.len()],
                        w + 4.0,
                        y + BAR_H - 1,
                        crate::format::number(lang, u64::try_from(*v).unwrap_or(0))
                    );
                }
                None => {
                    let _ = write!(
                        out,
                        "<rect x=\"0.5\" y=\"{}\" width=\"24\" height=\"{}\" fill=\"url(#withheld)\" \
                         stroke=\"#0b0c0c\" stroke-dasharray=\"2 2\"/>\
                         <text x=\"30\" y=\"{}\" class=\"chart-value\">{}</text>",
                        f64::from(y) + 0.5,
                        BAR_H - 1,
                        y + BAR_H - 1,
                        esc(withheld)
                    );
                }
            }
        }
    }
    out.push_str("</svg>");
    out
}

/// One point of an indicator's chart.
#[derive(Debug, Clone, Copy)]
pub struct Point {
    pub year: i32,
    pub value: f64,
    /// From a year still being collected: drawn hollow.
    pub provisional: bool,
}

const LINE_W: u32 = 320;
const LINE_H: u32 = 150;

/// An indicator's small chart: the straight path from the baseline to the target (dashed), the
/// target (a ring at the target year), and the yearly values (dots, hollow when provisional).
pub fn path_to_target(
    lang: Lang,
    id: &str,
    title: &str,
    desc: &str,
    baseline: Option<(i32, f64)>,
    target: (i32, f64),
    points: &[Point],
) -> String {
    let (left, right, top, bottom) = (44.0, 12.0, 12.0, 26.0);
    let first = points
        .iter()
        .map(|p| p.year)
        .chain(baseline.map(|b| b.0))
        .min()
        .unwrap_or(target.0 - 5)
        .min(target.0 - 1);
    let last = target.0;
    let hi = points
        .iter()
        .map(|p| p.value)
        .chain([target.1])
        .fold(0.0f64, f64::max)
        * 1.1;
    let hi = if hi <= 0.0 { 1.0 } else { hi };
    let w = f64::from(LINE_W) - left - right;
    let h = f64::from(LINE_H) - top - bottom;
    let x = |year: i32| left + w * f64::from(year - first) / f64::from((last - first).max(1));
    let y = |v: f64| top + h * (1.0 - v / hi);
    let mut out = String::with_capacity(2048);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart chart-small\" viewBox=\"0 0 {LINE_W} {LINE_H}\" \
         role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" focusable=\"false\">\
         <title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
        esc(title),
        esc(desc)
    );
    // Axes: 0 and the top value on the left, the first and the target year below.
    let _ = write!(
        out,
        "<line x1=\"{left}\" y1=\"{b}\" x2=\"{r}\" y2=\"{b}\" stroke=\"#505a5f\"/>\
         <line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{b}\" stroke=\"#505a5f\"/>\
         <text x=\"{lx}\" y=\"{b}\" class=\"chart-value\" text-anchor=\"end\">0</text>\
         <text x=\"{lx}\" y=\"{ty}\" class=\"chart-value\" text-anchor=\"end\">{hi_text}</text>\
         <text x=\"{left}\" y=\"{yy}\" class=\"chart-value\">{first}</text>\
         <text x=\"{r}\" y=\"{yy}\" class=\"chart-value\" text-anchor=\"end\">{last}</text>",
        b = top + h,
        r = left + w,
        lx = left - 4.0,
        ty = top + 8.0,
        yy = top + h + 18.0,
        hi_text = crate::format::decimal(lang, (hi * 10.0).round() / 10.0),
    );
    if let Some(b) = baseline {
        let _ = write!(
            out,
            "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#505a5f\" \
             stroke-width=\"2\" stroke-dasharray=\"6 4\"/>",
            x(b.0),
            y(b.1),
            x(target.0),
            y(target.1)
        );
    }
    let _ = write!(
        out,
        "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"6\" fill=\"none\" stroke=\"#00703c\" stroke-width=\"3\"/>",
        x(target.0),
        y(target.1)
    );
    let solid: Vec<String> = points
        .iter()
        .filter(|p| !p.provisional)
        .map(|p| format!("{:.1},{:.1}", x(p.year), y(p.value)))
        .collect();
    if solid.len() > 1 {
        let _ = write!(
            out,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"2\"/>",
            solid.join(" ")
        );
    }
    for p in points {
        let (fill, stroke) = if p.provisional {
            ("#fff", "#1d70b8")
        } else {
            ("#1d70b8", "#1d70b8")
        };
        let _ = write!(
            out,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"4\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"2\"/>",
            x(p.year),
            y(p.value)
        );
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bar_chart_is_named_small_and_marks_withheld_values() {
        let rows: Vec<Bar> = (0..40)
            .map(|i| Bar {
                label: format!("Nhóm nghề rất dài số {i} <b>"),
                values: vec![Some(i * 100), if i == 3 { None } else { Some(i) }],
            })
            .collect();
        let series = [
            Series {
                name: "Lao động".into(),
            },
            Series {
                name: "Dân tộc thiểu số".into(),
            },
        ];
        let svg = bars(Lang::Vi, "w", "Tiêu đề", "Mô tả", &series, &rows, "< 5");
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("role=\"img\" aria-labelledby=\"w-title w-desc\""));
        assert!(svg.contains("<title id=\"w-title\">Tiêu đề</title>"));
        assert!(svg.contains("&lt; 5"), "withheld is marked");
        assert!(!svg.contains("<b>"), "labels are escaped");
        assert!(
            !svg.contains("style="),
            "no inline style: the CSP forbids it"
        );
        assert!(svg.len() < 10_000, "{} bytes", svg.len());
    }

    #[test]
    fn an_indicator_chart_has_the_path_and_the_target() {
        let points = [
            Point {
                year: 2024,
                value: 60.0,
                provisional: false,
            },
            Point {
                year: 2026,
                value: 64.0,
                provisional: true,
            },
        ];
        let svg = path_to_target(
            Lang::Vi,
            "k",
            "T",
            "D",
            Some((2024, 60.0)),
            (2030, 76.0),
            &points,
        );
        assert!(svg.contains("stroke-dasharray=\"6 4\""));
        assert!(
            svg.contains("fill=\"#fff\""),
            "a provisional value is hollow"
        );
        assert!(svg.len() < 3_000);
    }
}
