//! Ctrl-C of a running target, over the raw remote protocol (gdb in batch mode cannot
//! send an interrupt deterministically).

mod common;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::thread;
use std::time::Duration;

use common::{spawn_server, Mock};
use gdb::DisconnectReason;

/// A minimal remote-protocol client in acknowledgement mode.
struct Client(TcpStream);

impl Client {
    fn send(&mut self, packet: &str) {
        let sum = packet.bytes().fold(0u8, |a, b| a.wrapping_add(b));
        write!(self.0, "${packet}#{sum:02x}").unwrap();
        let mut ack = [0u8; 1];
        self.0.read_exact(&mut ack).unwrap();
        assert_eq!(ack[0], b'+', "stub did not ack {packet}");
    }

    fn reply(&mut self) -> String {
        let mut byte = [0u8; 1];
        loop {
            self.0.read_exact(&mut byte).unwrap();
            if byte[0] == b'$' {
                break;
            }
        }
        let mut body = Vec::new();
        loop {
            self.0.read_exact(&mut byte).unwrap();
            if byte[0] == b'#' {
                break;
            }
            body.push(byte[0]);
        }
        let mut sum = [0u8; 2];
        self.0.read_exact(&mut sum).unwrap();
        self.0.write_all(b"+").unwrap();
        // Undo run-length encoding: `X*n` is X then (n - 29) more copies.
        let mut out = Vec::new();
        let mut i = 0;
        while i < body.len() {
            if body[i] == b'*' && i + 1 < body.len() {
                let last = *out.last().unwrap();
                out.extend(std::iter::repeat_n(last, (body[i + 1] - 29) as usize));
                i += 2;
            } else {
                out.push(body[i]);
                i += 1;
            }
        }
        String::from_utf8(out).unwrap()
    }

    fn request(&mut self, packet: &str) -> String {
        self.send(packet);
        self.reply()
    }
}

#[test]
fn ctrl_c_stops_a_running_target() {
    let mut mock = Mock::new();
    mock.x[5] = 0x8000_0800; // t0: the sd stores into RAM
    let (port, rx) = spawn_server(mock);
    let conn = TcpStream::connect(("127.0.0.1", port)).unwrap();
    conn.set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let mut c = Client(conn);
    let first = c.request("?");
    assert!(first.starts_with('T') || first.starts_with('S'), "{first}");
    assert!(c.request("vCont?").contains(";s"), "vCont? must offer step");
    // The mock runs into its `c.j .` loop and spins until interrupted.
    c.send("vCont;c");
    thread::sleep(Duration::from_millis(200));
    c.0.write_all(&[0x03]).unwrap();
    let stop = c.reply();
    assert!(stop.starts_with("T02"), "expected SIGINT stop, got {stop}");
    assert!(stop.contains("thread:"), "stop names the hart: {stop}");
    // pc (register 32) is at the loop, little-endian hex.
    assert_eq!(c.request("p20"), "1600008000000000");
    // priv (4161 = 0x1041) is M.
    assert_eq!(c.request("p1041"), "0300000000000000");
    // An unmapped read is an error reply, not bytes.
    assert!(c.request("m10,4").starts_with('E'));
    assert_eq!(c.request("m80000000,4"), "13055000");
    assert_eq!(c.request("D"), "OK");
    let (result, _mock) = rx.recv_timeout(Duration::from_secs(10)).unwrap();
    assert_eq!(result.unwrap(), DisconnectReason::Disconnect);
}
