//! The production JSON logs, captured per test thread (see `capture`).

use std::sync::{Arc, Mutex};

/// Log lines written in memory, by this thread only.
#[derive(Clone, Default)]
pub struct Captured(Arc<Mutex<Vec<u8>>>);

thread_local! {
    static BUFFER: std::cell::RefCell<Option<Captured>> = const { std::cell::RefCell::new(None) };
}

/// Writes to the capturing buffer of the current thread, if it has one.
struct ThreadWriter;

impl std::io::Write for ThreadWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        BUFFER.with(|b| {
            if let Some(c) = b.borrow().as_ref() {
                c.0.lock().unwrap().extend_from_slice(buf);
            }
        });
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The production JSON subscriber, installed once for the test binary (a per-thread subscriber would race with
/// other tests over tracing's callsite cache), writing what this thread logs from now on.
pub fn capture() -> Captured {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        let subscriber =
            khadamat::telemetry::subscriber("request=info,security=info,khadamat=error", true, || ThreadWriter);
        tracing::subscriber::set_global_default(subscriber).expect("the only global subscriber of the tests");
    });
    let captured = Captured::default();
    BUFFER.with(|b| *b.borrow_mut() = Some(captured.clone()));
    captured
}

impl Captured {
    pub fn text(&self) -> String {
        String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
    }

    pub fn lines(&self) -> Vec<serde_json::Value> {
        self.text().lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"))).collect()
    }
}
