//! Charts drawn on the server as SVG: no JavaScript, one `<title>` naming the chart for screen readers and a
//! `<title>` per bar or point with its label and value; pages show the same data as a table. Colours come
//! from CSS classes (the CSP forbids inline styles).

use std::fmt::Write;

/// One value of a chart: its label on the axis, the value drawn, and the value as written for people.
pub struct Point {
    pub label: String,
    pub value: Option<f64>,
    pub shown: String,
}

// A narrow drawing, so that the axis text (16 px of it) stays legible once scaled down to a phone.
const WIDTH: f64 = 480.0;
const HEIGHT: f64 = 220.0;
const LEFT: f64 = 84.0;
const RIGHT: f64 = 8.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 28.0;

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The frame: title, horizontal grid lines at 0, half and the top with their labels (`top_label` at the top;
/// a chart with nothing above zero writes only the 0).
fn frame(id: &str, title: &str, top_label: &str, half_label: &str) -> String {
    let mut svg = format!(
        r#"<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="{id}-title" preserveAspectRatio="xMidYMid meet"><title id="{id}-title">{}</title>"#,
        escape(title)
    );
    let plot_h = HEIGHT - TOP - BOTTOM;
    for (fraction, label) in [(0.0, "0"), (0.5, half_label), (1.0, top_label)] {
        let y = TOP + plot_h * (1.0 - fraction);
        let _ = write!(
            svg,
            r#"<line class="chart-rule" x1="{LEFT}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}"/><text class="chart-axis" x="{:.1}" y="{:.1}" text-anchor="end">{}</text>"#,
            WIDTH - RIGHT,
            LEFT - 6.0,
            y + 4.0,
            escape(label)
        );
    }
    svg
}

/// X labels under the plot, thinned out so that they never touch: as many as fit the plot's width at the
/// longest label's length (16 px text: about 9 units a character, and a gap), two at least.
fn x_labels(svg: &mut String, points: &[Point], x_of: impl Fn(usize) -> f64) {
    let longest = points.iter().map(|p| p.label.chars().count()).max().unwrap_or(1) as f64;
    let fitting = (((WIDTH - LEFT - RIGHT) / (longest * 9.0 + 12.0)).floor() as usize).max(2);
    let every = points.len().div_ceil(fitting).max(1);
    for (i, p) in points.iter().enumerate().filter(|(i, _)| i % every == 0) {
        let _ = write!(
            svg,
            r#"<text class="chart-axis" x="{:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
            x_of(i),
            HEIGHT - 8.0,
            escape(&p.label)
        );
    }
}

/// The top of the scale: the first of 2, 4, 10, 20, 40, 100… at or above the largest value, so that the
/// half-way line is a round number too.
fn scale_max(points: &[Point]) -> f64 {
    let max = points.iter().filter_map(|p| p.value).fold(0.0f64, f64::max);
    let mut unit = 1.0;
    loop {
        for step in [2.0, 4.0, 10.0] {
            if step * unit >= max {
                return step * unit;
            }
        }
        unit *= 10.0;
    }
}

/// The top and half-way labels, none when every value is zero or missing (a scale of "0,02 DH" says nothing).
fn scale_labels(points: &[Point], max: f64, fmt: impl Fn(f64) -> String) -> (String, String) {
    if points.iter().any(|p| p.value.is_some_and(|v| v > 0.0)) {
        (fmt(max), fmt(max / 2.0))
    } else {
        (String::new(), String::new())
    }
}

/// A bar chart; `fmt` writes an axis value.
pub fn bars(id: &str, title: &str, points: &[Point], fmt: impl Fn(f64) -> String) -> String {
    let max = scale_max(points);
    let (top, half) = scale_labels(points, max, fmt);
    let mut svg = frame(id, title, &top, &half);
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let slot = plot_w / points.len().max(1) as f64;
    let x_of = |i: usize| LEFT + slot * (i as f64 + 0.5);
    for (i, p) in points.iter().enumerate() {
        let v = p.value.unwrap_or(0.0).max(0.0);
        let h = plot_h * v / max;
        let _ = write!(
            svg,
            r#"<rect class="chart-bar" x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}"><title>{}: {}</title></rect>"#,
            x_of(i) - slot * 0.35,
            TOP + plot_h - h,
            slot * 0.7,
            h.max(0.0),
            escape(&p.label),
            escape(&p.shown)
        );
    }
    x_labels(&mut svg, points, x_of);
    svg.push_str("</svg>");
    svg
}

/// A line chart over `0..=max`; points without a value break the line.
pub fn line(id: &str, title: &str, points: &[Point], max: f64, fmt: impl Fn(f64) -> String) -> String {
    let (top, half) = scale_labels(points, max, fmt);
    let mut svg = frame(id, title, &top, &half);
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let slot = plot_w / points.len().max(1) as f64;
    let x_of = |i: usize| LEFT + slot * (i as f64 + 0.5);
    let y_of = |v: f64| TOP + plot_h * (1.0 - (v / max).clamp(0.0, 1.0));
    let mut segment: Vec<String> = Vec::new();
    let mut segments: Vec<Vec<String>> = Vec::new();
    for (i, p) in points.iter().enumerate() {
        match p.value {
            Some(v) => segment.push(format!("{:.1},{:.1}", x_of(i), y_of(v))),
            None if !segment.is_empty() => segments.push(std::mem::take(&mut segment)),
            None => {}
        }
    }
    if !segment.is_empty() {
        segments.push(segment);
    }
    for s in segments {
        let _ = write!(svg, r#"<polyline class="chart-line" points="{}"/>"#, s.join(" "));
    }
    for (i, p) in points.iter().enumerate() {
        if let Some(v) = p.value {
            let _ = write!(
                svg,
                r#"<circle class="chart-dot" cx="{:.1}" cy="{:.1}" r="4"><title>{}: {}</title></circle>"#,
                x_of(i),
                y_of(v),
                escape(&p.label),
                escape(&p.shown)
            );
        }
    }
    x_labels(&mut svg, points, x_of);
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    fn points(values: &[Option<f64>]) -> Vec<Point> {
        values
            .iter()
            .enumerate()
            .map(|(i, v)| Point { label: format!("m{i}"), value: *v, shown: format!("{v:?}") })
            .collect()
    }

    #[test]
    fn bars_scale_to_the_largest_value_and_name_every_bar() {
        let svg = bars("c", "Demandes <reçues>", &points(&[Some(2.0), Some(4.0), None]), |v| format!("{v}"));
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("<title id=\"c-title\">Demandes &lt;reçues&gt;</title>"));
        assert_eq!(svg.matches("<rect").count(), 3);
        // The scale tops at 4: the tallest bar fills the plot (220 - 12 - 28 = 180 high), the axis says 4 and 2.
        assert!(svg.contains("height=\"180.0\""));
        assert!(svg.contains(">4</text>") && svg.contains(">2</text>"));
        assert!(svg.contains("height=\"0.0\""));
        // Nothing above zero: no scale but the 0.
        let empty = bars("e", "Revenus", &points(&[Some(0.0), None]), |v| format!("{v} DH"));
        assert!(!empty.contains("DH</text>") && empty.contains(">0</text>"));
    }

    #[test]
    fn long_labels_are_thinned_so_that_they_never_touch() {
        let months: Vec<Point> = (1..=12)
            .map(|m| Point { label: format!("{m:02}. 2026 x"), value: Some(1.0), shown: String::new() })
            .collect();
        let svg = bars("m", "Mois", &months, |v| format!("{v}"));
        // 388 units of plot for 12-character labels (about 120 units each): three labels, every fourth month.
        assert_eq!(svg.matches("text-anchor=\"middle\"").count(), 3);
        let days: Vec<Point> =
            (1..=7).map(|d| Point { label: format!("{d}"), value: Some(1.0), shown: String::new() }).collect();
        assert_eq!(bars("d", "Jours", &days, |v| format!("{v}")).matches("text-anchor=\"middle\"").count(), 7);
    }

    #[test]
    fn scales_are_round() {
        let top = |v: f64| scale_max(&points(&[Some(v)]));
        assert_eq!(
            (top(0.0), top(1.0), top(3.0), top(5.0), top(37.0), top(116_000.0)),
            (2.0, 2.0, 4.0, 10.0, 40.0, 200_000.0)
        );
    }

    #[test]
    fn lines_break_where_values_are_missing() {
        let svg = line("r", "Note", &points(&[Some(4.0), None, Some(5.0), Some(3.0)]), 5.0, |v| format!("{v}"));
        assert_eq!(svg.matches("<polyline").count(), 2);
        assert_eq!(svg.matches("<circle").count(), 3);
        let empty = line("r", "Note", &points(&[None, None]), 5.0, |v| format!("{v}"));
        assert_eq!(empty.matches("<polyline").count(), 0);
    }
}
