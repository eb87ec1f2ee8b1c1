//! `dx lsp` over stdio, as an editor drives it: initialize, didOpen,
//! didChange, completion, hover, definition, references, shutdown; and the
//! findings it publishes are those of `dx check`.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use serde_json::{Value, json};

struct Client {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
    next: i64,
}

impl Client {
    fn start(root: &std::path::Path) -> Self {
        Self::start_with(root, &["lsp"])
    }

    /// `dx args…` run in `dir`.
    fn start_with(dir: &std::path::Path, args: &[&str]) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_dx"))
            .args(args)
            .current_dir(dir)
            .env("DX_TODAY", common::TODAY)
            .env_remove("DX_LANG")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dx lsp starts");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = BufReader::new(child.stdout.take().expect("stdout"));
        Self {
            child,
            stdin,
            stdout,
            next: 1,
        }
    }

    fn send(&mut self, message: &Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        self.stdin.flush().expect("flush");
    }

    fn read(&mut self) -> Value {
        let mut length = 0;
        loop {
            let mut line = String::new();
            self.stdout.read_line(&mut line).expect("header");
            let line = line.trim();
            if line.is_empty() {
                break;
            }
            if let Some(n) = line.strip_prefix("Content-Length: ") {
                length = n.parse().expect("length");
            }
        }
        let mut body = vec![0; length];
        self.stdout.read_exact(&mut body).expect("body");
        serde_json::from_slice(&body).expect("json")
    }

    fn request(&mut self, method: &str, params: &Value) -> Value {
        self.response(method, params)["result"].clone()
    }

    /// The whole response to a request: its result or its error.
    fn response(&mut self, method: &str, params: &Value) -> Value {
        let id = self.next;
        self.next += 1;
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        loop {
            let message = self.read();
            if message["id"] == id {
                return message;
            }
        }
    }

    /// The next notification of this method.
    fn next_notification(&mut self, method: &str) -> Value {
        loop {
            let message = self.read();
            if message["method"] == method {
                return message["params"].clone();
            }
        }
    }

    fn notify(&mut self, method: &str, params: &Value) {
        self.send(&json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// The next diagnostics published for a document ending with `name`.
    fn diagnostics_for(&mut self, name: &str) -> Vec<Value> {
        loop {
            let message = self.read();
            if message["method"] == "textDocument/publishDiagnostics"
                && message["params"]["uri"]
                    .as_str()
                    .is_some_and(|u| u.ends_with(name))
            {
                return message["params"]["diagnostics"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
            }
        }
    }
}

fn uri(path: &std::path::Path) -> String {
    format!("file://{}", path.display())
}

/// A server started in `root` and initialized with it, as an editor opens
/// a folder.
fn ready(root: &std::path::Path) -> Client {
    let mut client = Client::start(root);
    client.request(
        "initialize",
        &json!({ "processId": null, "rootUri": uri(root), "capabilities": {} }),
    );
    client.notify("initialized", &json!({}));
    client
}

#[test]
fn an_editor_session() {
    let tree = common::tree(Some("rules/broken-link"));
    let root = tree.path().canonicalize().expect("root");
    let mut client = Client::start(&root);
    let init = client.request(
        "initialize",
        &json!({ "processId": null, "rootUri": uri(&root), "capabilities": {} }),
    );
    assert_eq!(init["capabilities"]["hoverProvider"], true);
    client.notify("initialized", &json!({}));
    // The findings at start are dx check's, file by file.
    let file = root.join("kurashi/online/K-101.toml");
    let published = client.diagnostics_for("K-101.toml");
    let (model, check) = common::check(&root);
    let expected: Vec<&str> = check
        .iter()
        .filter(|d| model.files.get(d.span.file).path.ends_with("K-101.toml"))
        .map(|d| d.rule.slug())
        .collect();
    let got: Vec<&str> = published
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert_eq!(got, expected);
    assert!(!got.is_empty());

    // Typing: a buffer that fixes nothing and breaks a new link.
    let text = std::fs::read_to_string(&file).expect("read");
    client.notify("textDocument/didOpen", &json!({ "textDocument": { "uri": uri(&file), "languageId": "toml", "version": 1, "text": text } }),
    );
    let s001 = root.join("kurashi/online/S-001.toml");
    let s001_text = std::fs::read_to_string(&s001).expect("read");
    let broken = s001_text.replace("solves = [\"K-001\"]", "solves = [\"K-009\"]");
    assert_ne!(broken, s001_text);
    client.notify("textDocument/didOpen", &json!({ "textDocument": { "uri": uri(&s001), "languageId": "toml", "version": 1, "text": s001_text } }),
    );
    client.notify("textDocument/didChange", &json!({ "textDocument": { "uri": uri(&s001), "version": 2 }, "contentChanges": [{ "text": broken }] }),
    );
    let after = loop {
        let d = client.diagnostics_for("S-001.toml");
        if !d.is_empty() {
            break d;
        }
    };
    assert!(
        after.iter().any(|d| d["code"] == "broken-link"),
        "{after:?}"
    );

    // Hover, definition and references on K-001 in S-001's buffer, back to
    // the fixed text.
    client.notify("textDocument/didChange", &json!({ "textDocument": { "uri": uri(&s001), "version": 3 }, "contentChanges": [{ "text": s001_text }] }),
    );
    let line = s001_text
        .lines()
        .position(|l| l.starts_with("solves"))
        .expect("solves line");
    let at = json!({ "textDocument": { "uri": uri(&s001) }, "position": { "line": line, "character": 12 } });
    let hover = client.request("textDocument/hover", &at.clone());
    let text = hover["contents"]["value"].as_str().unwrap_or_default();
    assert!(text.contains("K-001"), "{hover}");
    let definition = client.request("textDocument/definition", &at.clone());
    assert!(
        definition["uri"]
            .as_str()
            .is_some_and(|u| u.ends_with("K-001.toml")),
        "{definition}"
    );
    let references = client.request("textDocument/references", &json!({ "textDocument": { "uri": uri(&s001) }, "position": { "line": line, "character": 12 }, "context": { "includeDeclaration": true } }),
    );
    assert!(
        references.as_array().is_some_and(|r| !r.is_empty()),
        "{references}"
    );
    // Completion in a solves list offers the 課題 with their titles.
    let completion = client.request("textDocument/completion", &at);
    let labels: Vec<&str> = completion
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["label"].as_str())
        .collect();
    assert!(labels.contains(&"K-001"), "{labels:?}");
    assert!(
        labels.iter().all(|l| l.starts_with('K')),
        "only 課題: {labels:?}"
    );

    // Rename K-001: the file and every link, as dx mv does.
    let k001 = root.join("kurashi/online/K-001.toml");
    let k_text = std::fs::read_to_string(&k001).expect("read");
    client.notify(
        "textDocument/didOpen",
        &json!({ "textDocument": { "uri": uri(&k001), "languageId": "toml", "version": 1, "text": k_text } }),
    );
    let rename = client.request(
        "textDocument/rename",
        &json!({ "textDocument": { "uri": uri(&s001) }, "position": { "line": line, "character": 12 }, "newName": "K-050" }),
    );
    let changes = rename["documentChanges"].as_array().expect("changes");
    assert!(
        changes.iter().any(|c| c["kind"] == "rename"
            && c["newUri"]
                .as_str()
                .is_some_and(|u| u.ends_with("K-050.toml"))),
        "{rename}"
    );
    assert!(
        changes.iter().any(|c| c["textDocument"]["uri"]
            .as_str()
            .is_some_and(|u| u.ends_with("S-001.toml"))
            && c["edits"][0]["newText"]
                .as_str()
                .is_some_and(|t| t.contains("\"K-050\""))),
        "{rename}"
    );

    let shutdown = client.request("shutdown", &Value::Null);
    assert!(shutdown.is_null());
    client.notify("exit", &Value::Null);
    let status = client.child.wait().expect("exits");
    assert!(status.code().is_some(), "no crash");
}

/// The labels a completion request at `line` of `file`'s buffer offers.
fn labels_at(client: &mut Client, file: &std::path::Path, line: usize) -> Vec<String> {
    let at = json!({ "textDocument": { "uri": uri(file) }, "position": { "line": line, "character": 10 } });
    client
        .request("textDocument/completion", &at)
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|i| i["label"].as_str().map(str::to_owned))
        .collect()
}

#[test]
fn result_completion_offers_what_the_transition_table_allows() {
    let tree = common::tree(None);
    let root = tree.path().canonicalize().expect("root");
    let meeting = root.join("meetings/2026-10-01-honbu.toml");
    let text = "date = 2026-10-01\nbody = \"推進本部\"\n\n[[decision]]\nrecord = \"S-001\"\nresult = \"\"\n\n[[decision]]\nresult = \"\"\nrecord = \"K-001\"\n";
    std::fs::create_dir_all(meeting.parent().expect("dir")).expect("mkdir");
    std::fs::write(&meeting, text).expect("write");
    let mut client = ready(&root);
    client.notify(
        "textDocument/didOpen",
        &json!({ "textDocument": { "uri": uri(&meeting), "languageId": "toml", "version": 1, "text": text } }),
    );
    // An entry's record: the 手法 and 技術 meetings decide on, no 課題.
    let records = labels_at(&mut client, &meeting, 4);
    assert!(
        records.contains(&"S-001".to_owned()) && records.contains(&"G-001".to_owned()),
        "{records:?}"
    );
    assert!(!records.iter().any(|r| r.starts_with("K-")), "{records:?}");
    // S-001 is in 運用: a review's results and 廃止, never 実証開始 or 導入.
    let operating = labels_at(&mut client, &meeting, 5);
    assert_eq!(operating, ["継続", "改善", "廃止", "付議"], "{operating:?}");
    // The entry's record may come after its result.
    let issue = labels_at(&mut client, &meeting, 8);
    assert!(issue.contains(&"実証開始".to_owned()), "{issue:?}");
    // In the record's own file, its own stage decides.
    let s001 = root.join("kurashi/online/S-001.toml");
    let s_text = std::fs::read_to_string(&s001).expect("read");
    let line = s_text
        .lines()
        .position(|l| l.starts_with("result"))
        .expect("result line");
    client.notify(
        "textDocument/didOpen",
        &json!({ "textDocument": { "uri": uri(&s001), "languageId": "toml", "version": 1, "text": s_text } }),
    );
    assert_eq!(labels_at(&mut client, &s001, line), operating);
    published_until_shutdown(&mut client, &root);
}

/// Every published finding until the shutdown answer: (file, rule).
fn published_until_shutdown(client: &mut Client, root: &std::path::Path) -> Vec<(String, String)> {
    let prefix = format!("{}/", uri(root));
    let id = client.next;
    client.next += 1;
    client.send(&json!({ "jsonrpc": "2.0", "id": id, "method": "shutdown", "params": null }));
    let mut by_file: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    loop {
        let message = client.read();
        if message["id"] == id {
            break;
        }
        if message["method"] == "textDocument/publishDiagnostics" {
            let uri = message["params"]["uri"].as_str().unwrap_or_default();
            let name = uri.strip_prefix(&prefix).unwrap_or(uri).to_owned();
            let codes = message["params"]["diagnostics"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|d| d["code"].as_str().map(str::to_owned))
                .collect();
            by_file.insert(name, codes);
        }
    }
    client.notify("exit", &Value::Null);
    let _ = client.child.wait();
    let mut out: Vec<(String, String)> = by_file
        .into_iter()
        .flat_map(|(f, codes)| codes.into_iter().map(move |c| (f.clone(), c)))
        .collect();
    out.sort();
    out
}

#[test]
fn the_server_finds_what_dx_check_finds_on_every_rule_fixture() {
    for id in dx::rules::RuleId::ALL {
        let tree = common::tree(Some(&format!("rules/{}", id.slug())));
        let root = tree.path().canonicalize().expect("root");
        let mut client = Client::start(&root);
        client.request(
            "initialize",
            &json!({ "processId": null, "rootUri": uri(&root), "capabilities": {} }),
        );
        client.notify("initialized", &json!({}));
        // A buffer broken while typing, then put back and closed: only the
        // findings of the tree on disk remain.
        let file = root.join("kurashi/online/K-001.toml");
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        client.notify("textDocument/didOpen", &json!({ "textDocument": { "uri": uri(&file), "languageId": "toml", "version": 1, "text": text } }));
        for (v, t) in [("vision = [\"K-", 2), (text.as_str(), 3)].map(|(t, v)| (v, t)) {
            client.notify("textDocument/didChange", &json!({ "textDocument": { "uri": uri(&file), "version": v }, "contentChanges": [{ "text": t }] }));
        }
        client.notify(
            "textDocument/didClose",
            &json!({ "textDocument": { "uri": uri(&file) } }),
        );
        let got = published_until_shutdown(&mut client, &root);
        let (model, check) = common::check(&root);
        let mut want: Vec<(String, String)> = check
            .iter()
            .map(|d| {
                let path = &model.files.get(d.span.file).path;
                (path.to_string(), d.rule.slug().to_owned())
            })
            .collect();
        want.sort();
        assert_eq!(got, want, "{}", id.slug());
    }
}

#[test]
fn hostile_buffers_never_crash_the_server() {
    let tree = common::tree(None);
    let root = tree.path().canonicalize().expect("root");
    let mut client = ready(&root);
    let file = root.join("kurashi/online/K-001.toml");
    let texts = [
        String::new(),
        "title = \"\u{202E}\u{1b}[2J\"\nvision = [".to_owned(),
        "[[[[[[[[[[".repeat(1000),
        format!(
            "title = \"{}\"\nvision = [\"kurashi-1\"]\n",
            "あ".repeat(100_000)
        ),
        "\u{0}\u{1}\u{2}=\n\"\"\"\n".to_owned(),
        "vision = [\"K-".to_owned() + &"9".repeat(20_000) + "\"]\n",
    ];
    for (v, text) in texts.iter().enumerate() {
        client.notify("textDocument/didChange", &json!({ "textDocument": { "uri": uri(&file), "version": v }, "contentChanges": [{ "text": text }] }),
        );
        for (line, character) in [(0, 0), (0, 5), (3, 2), (100_000, 100_000)] {
            let at = json!({ "textDocument": { "uri": uri(&file) }, "position": { "line": line, "character": character } });
            client.request("textDocument/hover", &at.clone());
            client.request("textDocument/completion", &at.clone());
            client.request("textDocument/definition", &at);
        }
    }
    // Still answering, then a clean shutdown.
    published_until_shutdown(&mut client, &root);
}

/// The protocol's edges: a request the server does not answer gets
/// MethodNotFound; a message over the limit is skipped unread with a
/// message to the user, and the next is answered; a buffer over the 4 MiB
/// limit is a finding, as `dx check` reports the file; `exit` without
/// `shutdown` exits with 1.
#[test]
fn the_protocol_is_kept_at_its_edges() {
    let tree = common::tree(None);
    let root = tree.path().canonicalize().expect("root");
    let mut client = ready(&root);
    let unknown = client.response("workspace/symbol", &json!({ "query": "K" }));
    assert_eq!(unknown["error"]["code"], -32601, "{unknown}");

    // 30 MB of one message: skipped as it streams past.
    let huge = json!({ "jsonrpc": "2.0", "method": "textDocument/didChange", "params": { "text": "x".repeat(30 * 1024 * 1024) } });
    client.send(&huge);
    let shown = client.next_notification("window/showMessage");
    assert_eq!(shown["type"], 1);
    assert!(
        shown["message"]
            .as_str()
            .is_some_and(|m| m.contains("大きすぎる") && m.contains("30 MiB")),
        "{shown}"
    );

    // A 5 MB buffer: the size limit, as dx check says it of a file.
    let file = root.join("kurashi/online/K-001.toml");
    let big = format!("title = \"{}\"\n", "あ".repeat(5 * 1024 * 1024 / 3));
    client.notify(
        "textDocument/didOpen",
        &json!({ "textDocument": { "uri": uri(&file), "languageId": "toml", "version": 1, "text": big } }),
    );
    let found = client.diagnostics_for("K-001.toml");
    assert!(
        found.iter().any(|d| d["message"]
            .as_str()
            .is_some_and(|m| m.contains("ファイルが大きすぎます"))),
        "{found:?}"
    );
    // Still answering.
    let hover = client.response(
        "textDocument/hover",
        &json!({ "textDocument": { "uri": uri(&file) }, "position": { "line": 0, "character": 0 } }),
    );
    assert!(hover.get("error").is_none(), "{hover}");
    client.notify("exit", &Value::Null);
    let status = client.child.wait().expect("exits");
    assert_eq!(status.code(), Some(1), "exit without shutdown");
}

/// A `Content-Length` of 99,999,999,999 neither aborts the server nor
/// makes it allocate: the input is read to its end and the server exits.
#[test]
fn an_absurd_length_is_refused_without_allocating() {
    let tree = common::tree(None);
    let root = tree.path().canonicalize().expect("root");
    let mut client = ready(&root);
    write!(client.stdin, "Content-Length: 99999999999\r\n\r\n{{}}").expect("write");
    client.stdin.flush().expect("flush");
    let Client {
        mut child,
        stdin,
        mut stdout,
        ..
    } = client;
    drop(stdin);
    let mut rest = String::new();
    let _ = stdout.read_to_string(&mut rest);
    let status = child.wait().expect("exits");
    assert!(status.code().is_some(), "killed by a signal: {status:?}");
    assert!(rest.contains("window/showMessage"), "{rest}");
}

/// Started with a relative `--root`, the server still sends absolute
/// `file:///` URIs that name the files.
#[cfg(unix)]
#[test]
fn a_relative_root_gives_absolute_uris() {
    let tree = common::tree(None);
    let parent = tree.path().parent().expect("parent").to_path_buf();
    let name = tree
        .path()
        .file_name()
        .expect("name")
        .to_str()
        .expect("utf-8");
    let mut client = Client::start_with(&parent, &["--root", name, "lsp"]);
    client.request(
        "initialize",
        &json!({ "processId": null, "rootUri": null, "capabilities": {} }),
    );
    client.notify("initialized", &json!({}));
    let root = tree.path().canonicalize().expect("root");
    let file = root.join("kurashi/online/K-001.toml");
    client.notify(
        "textDocument/didOpen",
        &json!({ "textDocument": { "uri": uri(&file), "languageId": "toml", "version": 1, "text": "title = \"t\"\nvision = [\"kurashi-99\"]\n" } }),
    );
    loop {
        let message = client.read();
        if message["method"] == "textDocument/publishDiagnostics"
            && message["params"]["uri"]
                .as_str()
                .is_some_and(|u| u.ends_with("K-001.toml"))
        {
            assert_eq!(message["params"]["uri"], uri(&file), "{message}");
            break;
        }
    }
    published_until_shutdown(&mut client, &root);
}

/// On a line with no `=`, completion offers the keys of the table around
/// the cursor with their descriptions, leaving out those written already.
#[test]
fn keys_complete_with_their_descriptions() {
    let tree = common::tree(None);
    let root = tree.path().canonicalize().expect("root");
    let mut client = ready(&root);
    let file = root.join("kurashi/online/S-001.toml");
    let text = "title = \"t\"\nsolves = [\"K-001\"]\n\n[[indicator]]\nname = \"率\"\n\n";
    client.notify(
        "textDocument/didOpen",
        &json!({ "textDocument": { "uri": uri(&file), "languageId": "toml", "version": 1, "text": text } }),
    );
    let items_at = |client: &mut Client, line: usize| -> Vec<Value> {
        let at = json!({ "textDocument": { "uri": uri(&file) }, "position": { "line": line, "character": 0 } });
        client
            .request("textDocument/completion", &at)
            .as_array()
            .cloned()
            .unwrap_or_default()
    };
    let top = items_at(&mut client, 2);
    let label = |items: &[Value], key: &str| items.iter().find(|i| i["label"] == key).cloned();
    let owner = label(&top, "owner").expect("owner offered");
    assert_eq!(owner["detail"], "所管");
    assert_eq!(owner["insertText"], "owner = ");
    assert!(label(&top, "title").is_none(), "title is written already");
    assert!(label(&top, "indicator").is_none(), "tables are headers");
    assert!(label(&top, "principles").is_some());
    let indicator = items_at(&mut client, 5);
    assert!(label(&indicator, "unit").is_some(), "{indicator:?}");
    assert!(label(&indicator, "name").is_none());
    assert!(
        label(&indicator, "owner").is_none(),
        "not an indicator's key"
    );
    published_until_shutdown(&mut client, &root);
}
