//! A small client that behaves as a browser does where the tests care: it carries the session
//! cookie, sends forms with its page's Origin, and never follows a redirect, so every status
//! and Location is seen.

/// A reqwest client that does not follow redirects.
pub fn http_client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub location: String,
    pub body: String,
    pub set_cookie: Option<String>,
    pub headers: reqwest::header::HeaderMap,
}

#[derive(Clone)]
pub struct Client {
    http: reqwest::Client,
    pub base: String,
    pub cookie: Option<String>,
    /// Sent as the Origin of POSTs; a browser on this page would send the server's own.
    pub origin: Option<String>,
}

impl Client {
    pub fn new(base: &str) -> Self {
        Client {
            http: http_client(),
            base: base.to_string(),
            cookie: None,
            origin: Some(base.to_string()),
        }
    }

    async fn send(&mut self, req: reqwest::RequestBuilder) -> Resp {
        let req = match &self.cookie {
            Some(c) => req.header("cookie", format!("sandpit_session={c}")),
            None => req,
        };
        let r = req.send().await.expect("request");
        let status = r.status().as_u16();
        let headers = r.headers().clone();
        let location = headers
            .get("location")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string();
        let set_cookie = headers
            .get("set-cookie")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let body = r.text().await.expect("body");
        Resp {
            status,
            location,
            body,
            set_cookie,
            headers,
        }
    }

    /// A POST with a raw body and content type, as a broken client or a proxy might send it
    /// (no `Origin`, as such clients send none).
    pub async fn post_raw(&mut self, path: &str, content_type: &str, body: Vec<u8>) -> Resp {
        let req = self
            .http
            .post(format!("{}{path}", self.base))
            .header("content-type", content_type)
            .body(body);
        self.send(req).await
    }

    pub async fn get(&mut self, path: &str) -> Resp {
        let req = self.http.get(format!("{}{path}", self.base));
        self.send(req).await
    }

    pub async fn post(&mut self, path: &str, form: &[(&str, &str)]) -> Resp {
        let body: String = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(form)
            .finish();
        let mut req = self
            .http
            .post(format!("{}{path}", self.base))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body);
        if let Some(o) = &self.origin {
            req = req.header("origin", o);
        }
        self.send(req).await
    }

    /// A multipart form: text fields and files (name, file name, content).
    pub async fn post_multipart(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &str, &[u8])],
    ) -> Resp {
        let boundary = "----sandpit-test-boundary-7MA4YWxkTrZu0gW";
        let mut body: Vec<u8> = Vec::new();
        for (name, value) in fields {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
                )
                .as_bytes(),
            );
        }
        for (name, file_name, content) in files {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                )
                .as_bytes(),
            );
            body.extend_from_slice(content);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        let mut req = self
            .http
            .post(format!("{}{path}", self.base))
            .header(
                "content-type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(body);
        if let Some(o) = &self.origin {
            req = req.header("origin", o);
        }
        self.send(req).await
    }
}

/// The session token in a Set-Cookie header.
pub fn token_in(set_cookie: &str) -> Option<String> {
    set_cookie
        .strip_prefix("sandpit_session=")
        .and_then(|rest| rest.split(';').next())
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}
