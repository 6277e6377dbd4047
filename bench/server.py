"""Server control: gunicorn servers started with the production config (and nginx in front of two of them),
logging in through the login form, and the check that one session works on every app server."""

import http.cookiejar
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from bench.environment import BASE_DIR, RAW_DIR


class Server:
    """One gunicorn master started with the production config."""

    def __init__(self, port: int, env: dict, workers: int | None = None):
        self.port = port
        command = [
            str(BASE_DIR / ".venv" / "bin" / "gunicorn"),
            "-c",
            str(BASE_DIR / "coordination" / "gunicorn.conf.py"),
            "--bind",
            f"127.0.0.1:{port}",
        ]
        if not Path(command[0]).exists():
            command[0] = shutil.which("gunicorn") or "gunicorn"
        if workers:
            command += ["--workers", str(workers)]
        self.log_path = RAW_DIR / f"gunicorn-{port}.log"
        self.log_file = self.log_path.open("w")
        self.process = subprocess.Popen(
            command, cwd=BASE_DIR, env=env, stdout=self.log_file, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.base = f"http://127.0.0.1:{port}"

    def wait_until_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(
                    f"gunicorn on port {self.port} exited; see {self.log_path}:\n{self.log_path.read_text()}"
                )
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.3)
        raise SystemExit(f"gunicorn on port {self.port} did not answer /healthz within {timeout} s")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log_file.close()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _opener(jar):
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect)


def _get(opener, url):
    try:
        with opener.open(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def log_in(base: str) -> str:
    """Log in through the login form like a browser; returns the Cookie header a browser would send next.

    That is the session and the CSRF cookie: without the latter every page would answer with a new CSRF cookie,
    which no browser sees after its first page.
    """
    from django.conf import settings

    from bench.datagen import BENCH_PASSWORD, BENCH_USERNAME

    jar = http.cookiejar.CookieJar()
    opener = _opener(jar)
    status, body = _get(opener, base + "/accounts/login/")
    match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
    if status != 200 or not match:
        raise SystemExit(f"the login page answered {status} without a CSRF token")
    form = urllib.parse.urlencode(
        {"username": BENCH_USERNAME, "password": BENCH_PASSWORD, "csrfmiddlewaretoken": match.group(1).decode()}
    ).encode()
    request = urllib.request.Request(base + "/accounts/login/", data=form, headers={"Referer": base + "/"})
    try:
        response = opener.open(request, timeout=30)
        status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    cookies = {cookie.name: cookie.value for cookie in jar}
    if status != 302 or settings.SESSION_COOKIE_NAME not in cookies:
        raise SystemExit(f"logging in as {BENCH_USERNAME} failed (HTTP {status})")
    return "; ".join(f"{name}={value}" for name, value in sorted(cookies.items()))


def fetch_with_session(url: str, cookie: str) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Cookie": cookie})
    return _get(_opener(http.cookiejar.CookieJar()), request)


def check_shared_session(first: Server, second: Server, cookie: str) -> str:
    """One login, then the same cookie on two app servers in turn: both must see the logged-in user."""
    from bench.datagen import BENCH_USERNAME

    answers = []
    for server in [first, second, first, second]:
        status, body = fetch_with_session(server.base + "/", cookie)
        answers.append((server.port, status, BENCH_USERNAME.encode() in body))
    if not all(status == 200 and knows_user for _, status, knows_user in answers):
        raise SystemExit(f"the session did not work on both app servers: {answers}")
    ports = ", ".join(f":{port}" for port, _, _ in answers)
    return (
        f"logged in once through the login form on :{first.port}; the same session cookie was then "
        f"accepted by {ports} in turn (each 200, as `{BENCH_USERNAME}`)"
    )


def workers_for(env: dict) -> int:
    return int(env.get("WEB_CONCURRENCY") or (os.cpu_count() or 1) * 2 + 1)


NGINX_CONFIG = """# Written by bench/server.py: nginx balancing over {count} app servers, as in production (README).
{user}worker_processes 1;
pid nginx.pid;
error_log error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path tmp/body;
    proxy_temp_path tmp/proxy;
    fastcgi_temp_path tmp/fastcgi;
    uwsgi_temp_path tmp/uwsgi;
    scgi_temp_path tmp/scgi;
    client_max_body_size 21m;
    upstream portal {{
{servers}
        keepalive 32;
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://portal;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
        }}
    }}
}}
"""


class Nginx:
    """nginx (Debian's package: `make bench-nginx` installs it) on `port`, balancing over app servers round robin
    with no sticky sessions: any server answers any request."""

    def __init__(self, port: int, upstreams: list[int]):
        executable = shutil.which("nginx") or "/usr/sbin/nginx"
        if not Path(executable).exists():
            raise SystemExit("nginx is not installed: `apt-get install nginx` (make bench-nginx does this)")
        self.port = port
        self.base = f"http://127.0.0.1:{port}"
        prefix = RAW_DIR / f"nginx-{port}"
        for folder in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (prefix / "tmp" / folder).mkdir(parents=True, exist_ok=True)
        config = prefix / "nginx.conf"
        config.write_text(
            NGINX_CONFIG.format(
                count=len(upstreams),
                user="user root;\n" if os.geteuid() == 0 else "",  # root's workers would otherwise be `nobody`
                servers="\n".join(f"        server 127.0.0.1:{upstream};" for upstream in upstreams),
                port=port,
            )
        )
        self.log_path = prefix / "error.log"
        self.process = subprocess.Popen(
            [executable, "-p", str(prefix), "-c", str(config), "-g", "daemon off;"],
            cwd=prefix,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_until_ready(self, timeout: float = 30) -> None:
        Server.wait_until_ready(self, timeout)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)  # graceful: finish the requests in flight
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def production_tools_missing() -> str:
    """What the production shape (`--prod`: nginx, Redis) needs and this machine lacks, or ""."""
    missing = []
    if not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()):
        missing.append("nginx (`apt-get install nginx`)")
    if not (shutil.which("redis-server") or Path("/usr/bin/redis-server").exists()):
        missing.append("redis-server (`apt-get install redis-server`)")
    try:
        import redis  # noqa: F401  (Django's Redis cache backend needs it)
    except ImportError:
        missing.append("the Python client `redis` (`pip install -r requirements.txt`)")
    return ", ".join(missing)


class Redis:
    """A throw-away Redis server on `port` with its files in a temporary directory: the shared cache of the app
    servers (CACHE_URL), nothing written to disk, the least recently used keys evicted when full."""

    def __init__(self, port: int, max_memory: str = "256mb"):
        executable = shutil.which("redis-server") or "/usr/bin/redis-server"
        if not Path(executable).exists():
            raise SystemExit("redis-server is not installed: `apt-get install redis-server` (make bench-prod does it)")
        self.port = port
        self.url = f"redis://127.0.0.1:{port}/0"
        self.folder = tempfile.TemporaryDirectory(prefix="bench-redis-")
        command = [executable, "--bind", "127.0.0.1", "--port", str(port), "--dir", self.folder.name]
        command += ["--save", "", "--appendonly", "no", "--maxmemory", max_memory]
        command += ["--maxmemory-policy", "allkeys-lru", "--daemonize", "no", "--loglevel", "warning"]
        self.log_path = RAW_DIR / f"redis-{port}.log"
        self.log_file = self.log_path.open("w")
        self.process = subprocess.Popen(command, stdout=self.log_file, stderr=subprocess.STDOUT, start_new_session=True)

    def wait_until_ready(self, timeout: float = 20) -> None:
        import redis

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"redis-server on port {self.port} exited; see {self.log_path}")
            try:
                if redis.Redis.from_url(self.url, socket_timeout=1).ping():
                    return
            except redis.exceptions.RedisError:
                pass
            time.sleep(0.2)
        raise SystemExit(f"redis-server on port {self.port} did not answer within {timeout} s")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log_file.close()
        self.folder.cleanup()
