//! Shared by the classroom tests: a classroom server on loopback (in process, port 0) with the
//! mini fixture corpus, and a small cookie-carrying client that sends forms as a browser does
//! (same Origin) and never follows redirects, so every status is seen.

#![allow(dead_code)]

use sandpit::app::App;
use sandpit::config::Config;

pub const PASSWORD: &str = "correct horse battery";

pub struct Server {
    pub base: String,
    pub app: App,
    _dir: tempfile::TempDir,
}

/// A server with its own data directory; `classroom` off is self-learner mode.
pub async fn start(classroom: bool) -> Server {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut config = Config::new(dir.path());
    if classroom {
        config = config
            .with_classroom(Some(PASSWORD.to_string()))
            .expect("valid password");
    }
    let app = App::open(config).await.expect("app opens");
    let fixture = format!(
        "{}/tests/data/corpus/mini.jsonl",
        env!("CARGO_MANIFEST_DIR")
    );
    app.import_paths("mini", vec![fixture.into()], |_| {})
        .await
        .expect("fixture imports");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    tokio::spawn(sandpit::web::run(
        app.clone(),
        listener,
        std::future::pending(),
    ));
    Server {
        base: format!("http://{addr}"),
        app,
        _dir: dir,
    }
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
            http: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("client"),
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

/// A client signed in as the trainer with the secret key.
pub async fn trainer(server: &Server) -> Client {
    let key = server
        .app
        .store
        .trainer_secret(false)
        .await
        .expect("secret");
    let mut c = Client::new(&server.base);
    let r = c.post("/trainer/login", &[("secret", &key)]).await;
    assert_eq!(
        (r.status, r.location.as_str()),
        (303, "/trainer"),
        "{}",
        r.body
    );
    c.cookie = r.set_cookie.as_deref().and_then(token_in);
    assert!(c.cookie.is_some());
    c
}

/// Starts a class with these exercises; returns (class id, code).
pub async fn class_with(trainer: &mut Client, exercises: &[&str]) -> (String, String) {
    let r = trainer
        .post("/trainer/classes", &[("title", "Test class")])
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let id = r
        .location
        .strip_prefix("/trainer/classes/")
        .expect("class page")
        .to_string();
    let mut form: Vec<(String, String)> = Vec::new();
    for (i, e) in exercises.iter().enumerate() {
        form.push(("exercise".into(), e.to_string()));
        form.push((format!("position:{e}"), (i + 1).to_string()));
    }
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let r = trainer
        .post(&format!("/trainer/classes/{id}/exercises"), &pairs)
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let page = trainer.get(&format!("/trainer/classes/{id}")).await;
    let code = page
        .body
        .split("class-code\" aria-label=\"Class code ")
        .nth(1)
        .and_then(|rest| rest.get(..6))
        .expect("the class page shows the code")
        .to_string();
    (id, code)
}

/// A trainee who has joined.
pub async fn join(server: &Server, code: &str, name: &str) -> Client {
    let mut c = Client::new(&server.base);
    let r = c.post("/join", &[("code", code), ("name", name)]).await;
    assert_eq!(
        (r.status, r.location.as_str()),
        (303, "/class"),
        "{}",
        r.body
    );
    c.cookie = r.set_cookie.as_deref().and_then(token_in);
    assert!(c.cookie.is_some());
    c
}

/// Submits an answer; returns the attempt id from the redirect to its feedback.
pub async fn submit(client: &mut Client, exercise: &str, answer: &str) -> String {
    let r = client
        .post(
            &format!("/exercises/{exercise}/attempts"),
            &[("answer", answer)],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    r.location
        .split("attempt=")
        .nth(1)
        .and_then(|rest| rest.split('#').next())
        .expect("attempt id in the redirect")
        .to_string()
}
