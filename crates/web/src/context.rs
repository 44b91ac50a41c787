//! What a page handler starts from: who is asking (their session, resumed from the cookie),
//! in which language, with which CSRF token; and how a page goes back to them.

use std::borrow::Cow;
use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{FromRequest, HttpRequest, HttpResponse, web};
use labour_app::Caller;

use crate::error::WebError;
use crate::lang::Lang;
use crate::state::WebState;

/// The request's context, taken by every page handler.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub state: WebState,
    pub lang: Lang,
    pub caller: Caller,
    /// The signed-in person's name; `None` when nobody is signed in.
    pub user: Option<String>,
    /// The token every form of the page carries.
    pub csrf: String,
    csrf_is_new: bool,
    /// The path and query of this page (the language switch comes back to it).
    pub here: String,
}

impl FromRequest for Ctx {
    type Error = WebError;
    type Future = Pin<Box<dyn Future<Output = Result<Ctx, WebError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move { Ctx::resolve(&req).await })
    }
}

impl Ctx {
    async fn resolve(req: &HttpRequest) -> Result<Ctx, WebError> {
        let lang = crate::lang::of(req);
        let Some(state) = req.app_data::<web::Data<WebState>>() else {
            return Err(WebError::new(
                labour_app::Error::internal("web state missing"),
                lang,
            ));
        };
        let state = state.get_ref().clone();
        let client_addr = client_addr(req, state.settings.trust_forwarded_for);
        let resumed = match crate::session::token(req) {
            Some(token) => labour_app::sessions::resume(&state.app, &token, client_addr)
                .await
                .map_err(|e| WebError::new(e, lang))?,
            None => None,
        };
        let (caller, user) = match resumed {
            Some(r) => (r.caller, Some(r.display_name)),
            None => (Caller::anonymous(client_addr), None),
        };
        let (csrf, csrf_is_new) = crate::csrf::token(req);
        let here = match req.query_string() {
            "" => req.path().to_owned(),
            q => format!("{}?{q}", req.path()),
        };
        Ok(Ctx {
            state,
            lang,
            caller,
            user,
            csrf,
            csrf_is_new,
            here,
        })
    }

    /// The text of `key` in the page's language.
    pub fn t(&self, key: &str) -> Cow<'static, str> {
        crate::i18n::t(self.lang, key)
    }

    /// The layout's view of this request.
    pub fn page(&self, title: impl Into<String>) -> Page {
        Page {
            lang: self.lang,
            title: title.into(),
            user: self.user.clone(),
            csrf: self.csrf.clone(),
            here: self.here.clone(),
            css: crate::assets::CSS.url(),
            js: crate::assets::JS.url(),
        }
    }

    /// A rendered page, 200.
    pub fn render(&self, template: &impl askama::Template) -> HttpResponse {
        self.render_status(actix_web::http::StatusCode::OK, template)
    }

    /// A rendered page with the given status (a form back with errors is 422, say).
    pub fn render_status(
        &self,
        status: actix_web::http::StatusCode,
        template: &impl askama::Template,
    ) -> HttpResponse {
        match template.render() {
            Ok(body) => {
                let mut res = HttpResponse::build(status);
                res.content_type("text/html; charset=utf-8")
                    // Pages show who is signed in and their CSRF token: never cached by others.
                    .insert_header((header::CACHE_CONTROL, "private, no-cache"))
                    .insert_header((header::VARY, "Cookie"));
                if self.csrf_is_new {
                    res.cookie(crate::csrf::cookie(
                        &self.csrf,
                        self.state.settings.secure_cookies,
                    ));
                }
                res.body(body)
            }
            Err(e) => {
                tracing::error!(error = %e, "page template failed");
                HttpResponse::InternalServerError()
                    .content_type("text/plain; charset=utf-8")
                    .body(crate::i18n::t(self.lang, "error.internal").into_owned())
            }
        }
    }

    /// A redirect after a form succeeded (POST, then GET: a reload never posts twice).
    pub fn see_other(&self, location: &str) -> HttpResponse {
        let mut res = HttpResponse::SeeOther();
        if let Ok(value) = HeaderValue::from_str(location) {
            res.insert_header((header::LOCATION, value));
        }
        res.finish()
    }
}

/// What the layout shows on every page.
#[derive(Debug, Clone)]
pub struct Page {
    pub lang: Lang,
    pub title: String,
    pub user: Option<String>,
    pub csrf: String,
    pub here: String,
    pub css: String,
    pub js: String,
}

impl Page {
    /// The layout's view for a response made without a request context (error pages).
    pub fn bare(lang: Lang) -> Page {
        Page {
            lang,
            title: String::new(),
            user: None,
            csrf: String::new(),
            here: "/".into(),
            css: crate::assets::CSS.url(),
            js: crate::assets::JS.url(),
        }
    }

    pub fn t(&self, key: &str) -> Cow<'static, str> {
        crate::i18n::t(self.lang, key)
    }

    pub fn lang_code(&self) -> &'static str {
        self.lang.code()
    }

    /// The link that switches to the other language and comes back here.
    pub fn switch_href(&self) -> String {
        let other = match self.lang {
            Lang::Vi => "en",
            Lang::En => "vi",
        };
        format!("/lang/{other}?back={}", crate::form::encode(&self.here))
    }

    pub fn is_en(&self) -> bool {
        self.lang == Lang::En
    }
}

/// The client's address: the peer, or the forwarded address behind a trusted proxy.
pub fn client_addr(req: &HttpRequest, trust_forwarded_for: bool) -> Option<std::net::IpAddr> {
    let text = if trust_forwarded_for {
        req.connection_info()
            .realip_remote_addr()
            .map(str::to_owned)
    } else {
        req.peer_addr().map(|a| a.ip().to_string())
    };
    labour_app::caller::parse_addr(&text?)
}
