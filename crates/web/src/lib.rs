//! HTML over HTTP: the portal's pages, forms and cookie sessions, thin over the use cases in
//! `labour-app`. Empty for now: the pages come next, calling the same use cases as the API.
