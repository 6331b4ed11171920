vcl 4.1;

# Written for tests/cdn/varnish.test.ts: BACKEND_A and BACKEND_B are replaced with the ports of
# the two Lantern instances.
import directors;
import xkey;

backend a { .host = "127.0.0.1"; .port = "BACKEND_A"; }
backend b { .host = "127.0.0.1"; .port = "BACKEND_B"; }

acl purgers { "127.0.0.1"; }

sub vcl_init {
  new lantern = directors.round_robin();
  lantern.add_backend(a);
  lantern.add_backend(b);
}

sub vcl_recv {
  set req.backend_hint = lantern.backend();
  if (req.method == "PURGE") {
    if (!client.ip ~ purgers) { return (synth(403, "Forbidden")); }
    set req.http.n-gone = xkey.purge(req.http.xkey);
    return (synth(200, "Purged " + req.http.n-gone));
  }
  if (req.http.Authorization || (req.method != "GET" && req.method != "HEAD")) { return (pass); }
  return (hash);
}
