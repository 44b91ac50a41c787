//! `GET /sitemap.xml` and `GET /robots.txt`: the public pages for search engines, with the
//! portal's public address. A sitemap file holds at most 50,000 addresses; past that,
//! `/sitemap.xml` is an index of `/sitemap.xml?page=N`.

use std::fmt::Write;

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use serde::Deserialize;

use crate::context::Ctx;
use crate::error::WebError;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/sitemap.xml", web::get().to(sitemap))
        .route("/robots.txt", web::get().to(robots));
}

/// Addresses in one sitemap file (the protocol's limit).
const PER_FILE: i64 = 50_000;

/// The pages that are always there.
const FIXED: [&str; 11] = [
    "/",
    "/search",
    "/training-needs",
    "/statistics",
    "/statistics/demand",
    "/statistics/supply",
    "/statistics/training",
    "/statistics/workforce",
    "/statistics/planned-recruitment",
    "/statistics/forecast",
    "/statistics/indicators",
];

#[derive(Debug, Deserialize)]
pub struct SitemapQuery {
    page: Option<String>,
}

/// Where a run of `len` addresses starting at `start` meets the file `[from, to)`: the offset
/// into the run and how many.
fn overlap(start: i64, len: i64, from: i64, to: i64) -> Option<(i64, i64)> {
    let lo = from.max(start);
    let hi = to.min(start + len);
    (lo < hi).then(|| (lo - start, hi - lo))
}

async fn sitemap(ctx: Ctx, query: web::Query<SitemapQuery>) -> Result<HttpResponse, WebError> {
    let lang = ctx.lang;
    let fail = |e: labour_app::Error| WebError::new(e, lang);
    let store = |e: labour_store::Error| WebError::new(e.into(), lang);
    let not_found = || fail(labour_app::Error::new(labour_app::ErrorCode::RouteNotFound));
    let base = &ctx.state.app.public_url;
    let mut conn = ctx.state.app.conn().await.map_err(fail)?;
    let zones = labour_store::zones::all(&mut conn).await.map_err(store)?;
    let (postings, organisations) = labour_store::sitemap::counts(&mut conn)
        .await
        .map_err(store)?;
    // The addresses in order: the fixed pages, zones, organisations, postings.
    let fixed = FIXED.len() as i64;
    let zones_len = zones.len() as i64;
    let total = fixed + zones_len + organisations + postings;
    let files = (total + PER_FILE - 1) / PER_FILE;
    let file = match query.page.as_deref() {
        None if files > 1 => {
            let mut xml = String::from(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
                 <sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
            );
            for n in 1..=files {
                let _ = writeln!(
                    xml,
                    "<sitemap><loc>{}</loc></sitemap>",
                    escape(&format!("{base}/sitemap.xml?page={n}"))
                );
            }
            xml.push_str("</sitemapindex>\n");
            return Ok(xml_response(xml));
        }
        None => 1,
        Some(text) => match text.parse::<i64>() {
            Ok(n) if (1..=files.max(1)).contains(&n) => n,
            _ => return Err(not_found()),
        },
    };
    let (from, to) = ((file - 1) * PER_FILE, file * PER_FILE);
    let mut urls: Vec<(String, Option<String>)> = Vec::new();
    if let Some((off, n)) = overlap(0, fixed, from, to) {
        for path in FIXED.iter().skip(off as usize).take(n as usize) {
            urls.push((format!("{base}{path}"), None));
        }
    }
    if let Some((off, n)) = overlap(fixed, zones_len, from, to) {
        for z in zones.iter().skip(off as usize).take(n as usize) {
            urls.push((format!("{base}/zones/{}", z.id), None));
        }
    }
    if let Some((off, n)) = overlap(fixed + zones_len, organisations, from, to) {
        for id in labour_store::sitemap::organisations(&mut conn, off, n)
            .await
            .map_err(store)?
        {
            urls.push((format!("{base}/organisations/{id}"), None));
        }
    }
    if let Some((off, n)) = overlap(fixed + zones_len + organisations, postings, from, to) {
        for (id, updated) in labour_store::sitemap::postings(&mut conn, off, n)
            .await
            .map_err(store)?
        {
            let day = updated.date_naive().to_string();
            urls.push((format!("{base}/postings/{id}"), Some(day)));
        }
    }
    drop(conn);
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (loc, lastmod) in urls {
        let _ = match lastmod {
            Some(day) => writeln!(
                xml,
                "<url><loc>{}</loc><lastmod>{day}</lastmod></url>",
                escape(&loc)
            ),
            None => writeln!(xml, "<url><loc>{}</loc></url>", escape(&loc)),
        };
    }
    xml.push_str("</urlset>\n");
    Ok(xml_response(xml))
}

fn xml_response(xml: String) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/xml; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .body(xml)
}

/// Text as XML character data (the public address is configuration, so it is escaped too).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// The public pages are open to crawlers; accounts, forms and the language switch are not, and
/// the API is for apps (its open data has its own download).
async fn robots(ctx: Ctx) -> HttpResponse {
    let base = &ctx.state.app.public_url;
    let body = format!(
        "User-agent: *\n\
         Allow: /\n\
         Disallow: /account\n\
         Disallow: /sign-in\n\
         Disallow: /sign-up\n\
         Disallow: /sign-out\n\
         Disallow: /lang/\n\
         Disallow: /postings/*/apply\n\
         Disallow: /postings/*/report\n\
         Disallow: /postings/*/offer\n\
         Disallow: /staff\n\
         Disallow: /api/\n\
         \n\
         Sitemap: {base}/sitemap.xml\n"
    );
    HttpResponse::Ok()
        .content_type("text/plain; charset=utf-8")
        .insert_header((header::CACHE_CONTROL, "public, max-age=86400"))
        .body(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_takes_its_share_of_each_run() {
        // Runs: 4 fixed, 10 zones, then 120,000 postings, in files of 50,000.
        assert_eq!(overlap(0, 4, 0, PER_FILE), Some((0, 4)));
        assert_eq!(overlap(4, 10, 0, PER_FILE), Some((0, 10)));
        assert_eq!(overlap(14, 120_000, 0, PER_FILE), Some((0, PER_FILE - 14)));
        assert_eq!(
            overlap(14, 120_000, PER_FILE, 2 * PER_FILE),
            Some((PER_FILE - 14, PER_FILE))
        );
        assert_eq!(overlap(0, 4, PER_FILE, 2 * PER_FILE), None);
        assert_eq!(
            overlap(14, 120_000, 2 * PER_FILE, 3 * PER_FILE),
            Some((2 * PER_FILE - 14, 120_014 - 2 * PER_FILE))
        );
    }

    #[test]
    fn addresses_are_escaped() {
        assert_eq!(
            escape("https://a.vn/?a=1&b=<2>"),
            "https://a.vn/?a=1&amp;b=&lt;2&gt;"
        );
    }
}
