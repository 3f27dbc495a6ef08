//! CSV exports of back office lists: RFC 4180 quoting, and cells that a spreadsheet would run as a formula
//! (starting with `= + - @`) neutralised with a leading apostrophe.

use actix_web::HttpResponse;

/// One field, quoted when needed.
pub fn field(value: &str) -> String {
    let value =
        if value.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{value}") } else { value.to_string() };
    if value.contains([',', '"', '\n', '\r']) { format!("\"{}\"", value.replace('"', "\"\"")) } else { value }
}

/// A downloadable CSV file: the header line, then one line per row.
pub fn response(filename: &str, header: &str, rows: impl Iterator<Item = Vec<String>>) -> HttpResponse {
    let mut body = format!("{header}\r\n");
    for row in rows {
        body.push_str(&row.iter().map(|f| field(f)).collect::<Vec<_>>().join(","));
        body.push_str("\r\n");
    }
    HttpResponse::Ok()
        .insert_header(("Content-Type", "text/csv; charset=utf-8"))
        .insert_header(("Content-Disposition", format!("attachment; filename=\"{filename}\"")))
        .insert_header(("Cache-Control", "private, no-store"))
        .body(body)
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn fields_are_quoted_and_formulas_neutralised() {
        assert_eq!(field("Salma"), "Salma");
        assert_eq!(field("Bennani, Salma"), "\"Bennani, Salma\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("+212600000000"), "'+212600000000");
    }
}
