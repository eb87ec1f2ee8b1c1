//! The language server's stdio transport: lsp-server's messages and
//! channels, read with limits. lsp-server's own reader allocates whatever a
//! `Content-Length` header asks for (99999999999 aborted the process); this
//! one reads a header line of at most 8 KiB, refuses a message over
//! [`MAX_MESSAGE`] by skipping its body without holding it, and tells the
//! server so through a notification of its own ([`REFUSED`]).

use std::io::{self, BufRead, Read};
use std::thread;

use crossbeam_channel::{Sender, bounded};
use lsp_server::{Connection, Message, Notification};
use serde_json::json;

/// The largest message read: a buffer at the 4 MiB limit of a file, every
/// byte escaped as JSON would write it (`\u001f`, six bytes), with room.
pub(super) const MAX_MESSAGE: usize = 26 * 1024 * 1024;

/// The longest header line read.
const MAX_HEADER_LINE: u64 = 8 * 1024;

/// The notification the reader sends the server for a message it did not
/// pass on: `{ "size": bytes }` for one too large, `{ "size": null }` for
/// one that is not JSON-RPC.
pub(super) const REFUSED: &str = "$/dx/refused";

/// The reader and writer threads.
pub(super) struct Threads {
    reader: thread::JoinHandle<()>,
    writer: thread::JoinHandle<()>,
}

impl Threads {
    /// Wait for both to end (the server has dropped its connection).
    pub(super) fn join(self) {
        let _ = self.reader.join();
        let _ = self.writer.join();
    }
}

/// A connection over standard input and output.
pub(super) fn stdio() -> (Connection, Threads) {
    let (to_writer, from_server) = bounded::<Message>(0);
    let writer = thread::spawn(move || {
        let stdout = io::stdout();
        let mut out = stdout.lock();
        for message in from_server {
            if message.write(&mut out).is_err() {
                break;
            }
        }
    });
    let (to_server, from_reader) = bounded::<Message>(0);
    let reader = thread::spawn(move || {
        let stdin = io::stdin();
        let mut input = stdin.lock();
        read_all(&mut input, &to_server);
    });
    (
        Connection {
            sender: to_writer,
            receiver: from_reader,
        },
        Threads { reader, writer },
    )
}

/// Read messages until the input ends, an `exit` notification passes, or
/// the server hangs up.
pub(super) fn read_all(input: &mut impl BufRead, to_server: &Sender<Message>) {
    loop {
        let message = match read_one(input) {
            Ok(Some(Read1::Message(m))) => m,
            Ok(Some(Read1::Refused(size))) => Message::Notification(Notification::new(
                REFUSED.to_owned(),
                json!({ "size": size }),
            )),
            // The input ended, or is not the protocol at all (no length):
            // nothing more can be read in step.
            Ok(None) | Err(_) => return,
        };
        let exit = matches!(&message, Message::Notification(n) if n.method == "exit");
        if to_server.send(message).is_err() || exit {
            return;
        }
    }
}

/// What one read gave.
enum Read1 {
    Message(Message),
    /// A message not passed on: its size when too large, `None` when its
    /// body was not JSON-RPC.
    Refused(Option<u64>),
}

fn read_one(input: &mut impl BufRead) -> io::Result<Option<Read1>> {
    let mut length: Option<u64> = None;
    let mut line = String::new();
    loop {
        line.clear();
        let n = input.by_ref().take(MAX_HEADER_LINE).read_line(&mut line)?;
        if n == 0 {
            return Ok(None);
        }
        if !line.ends_with('\n') {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "header line too long",
            ));
        }
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':')
            && name.trim().eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().ok();
        }
    }
    let Some(length) = length else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "no Content-Length",
        ));
    };
    if length > MAX_MESSAGE as u64 {
        // Skipped as it streams past, never held.
        io::copy(&mut input.by_ref().take(length), &mut io::sink())?;
        return Ok(Some(Read1::Refused(Some(length))));
    }
    let mut body = Vec::with_capacity(usize::try_from(length).unwrap_or(0));
    input.by_ref().take(length).read_to_end(&mut body)?;
    if (body.len() as u64) < length {
        return Ok(None);
    }
    Ok(Some(match serde_json::from_slice::<Message>(&body) {
        Ok(m) => Read1::Message(m),
        Err(_) => Read1::Refused(None),
    }))
}

/// Write one message as the protocol frames it (for the tests).
#[cfg(test)]
fn frame(body: &str) -> Vec<u8> {
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> Vec<Message> {
        let (tx, rx) = crossbeam_channel::unbounded();
        read_all(&mut io::Cursor::new(bytes), &tx);
        drop(tx);
        rx.into_iter().collect()
    }

    #[test]
    fn a_huge_length_is_refused_without_allocating_it() {
        let mut input = b"Content-Length: 99999999999\r\n\r\n{}".to_vec();
        input.extend(frame(
            r#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#,
        ));
        let got = read(&input);
        // The refusal; the rest of the input was taken as the huge body.
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(
            matches!(&got[0], Message::Notification(n) if n.method == REFUSED && n.params["size"] == 99_999_999_999u64)
        );
    }

    #[test]
    fn messages_after_a_refused_one_are_read() {
        let big = "x".repeat(MAX_MESSAGE + 1);
        let mut input = frame(&big);
        input.extend(frame("not json"));
        input.extend(frame(
            r#"{"jsonrpc":"2.0","id":1,"method":"shutdown","params":null}"#,
        ));
        input.extend(frame(r#"{"jsonrpc":"2.0","method":"exit"}"#));
        input.extend(frame(r#"{"jsonrpc":"2.0","method":"never read"}"#));
        let got = read(&input);
        let methods: Vec<String> = got
            .iter()
            .map(|m| match m {
                Message::Notification(n) => format!("{} {}", n.method, n.params["size"]),
                Message::Request(r) => r.method.clone(),
                Message::Response(_) => "response".into(),
            })
            .collect();
        assert_eq!(
            methods,
            [
                format!("{REFUSED} {}", MAX_MESSAGE + 1),
                format!("{REFUSED} null"),
                "shutdown".into(),
                "exit null".into()
            ]
        );
    }

    #[test]
    fn a_header_line_without_end_stops_the_reader() {
        let input = vec![b'a'; 100_000];
        assert!(read(&input).is_empty());
    }
}
