-- wrk script of bench/pages_wrk.py: one path per run; done() prints one "key value" line a figure.
function done(summary, latency, requests)
  io.write(string.format("requests %d\n", summary.requests))
  io.write(string.format("duration_us %d\n", summary.duration))
  io.write(string.format("errors_status %d\n", summary.errors.status))
  io.write(string.format("errors_socket %d\n", summary.errors.connect + summary.errors.read + summary.errors.write
                                                + summary.errors.timeout))
  for _, p in ipairs({50, 95, 99}) do
    io.write(string.format("p%d_us %d\n", p, latency:percentile(p)))
  end
end
