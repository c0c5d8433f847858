/*
 * fd-standin: TEST DOUBLE for the FATE 1.1 containers used by FATE Deployer's sandbox.
 * It is NOT FATE and is never shipped with the product. One static binary plays every
 * component; the role comes from argv[0] (e.g. "redis-server") or from "fd-standin ROLE".
 *
 * Behaviour that matters to a deployer:
 *  - every server role runs until stopped and exits at once on SIGTERM/SIGINT (it is PID 1);
 *  - it listens on the component's container ports;
 *  - mysql initialises on first start: FD_STANDIN_MYSQL_DELAY seconds and until it has turned away a
 *    connection (deterministic: python always meets an initialising MySQL at least once);
 *  - python (fate_flow) exits with an error if mysql:3306 does not greet it, so restart: always loops;
 *  - proxy forwards requests according to the mounted route_table.json (FATE 1.1 format);
 *  - "toy" (run_toy_example.py) succeeds only after a full round trip guest proxy -> exchange ->
 *    host proxy -> host federation, else prints FATE's timeout message;
 *  - later eras (KubeFATE v1.11.2, v2.0.0): rollsite / osx forward by their route tables, fateflow answers
 *    its era's health endpoint, the client's `flow test toy` prints its era's lines (FD_STANDIN_FATE in
 *    the image's environment names the FATE release of the 2.x images).
 *
 * Wire protocol between stand-ins (one request line, one reply line per TCP connection):
 *   request: "FDSB/1 <dst-party> <service> <hops> <text>\n"
 *   reply:   "FDSB-OK <role> party=<id> host=<hostname> <text>\n" or "FDSB-ERR <reason>\n"
 * Any other first line gets a role-specific answer (HTTP 200, redis +PONG, ...).
 *
 * Build: gcc -O2 -static -o fd-standin standin.c   (no NSS: names are resolved by our own
 * /etc/hosts + DNS code, since a static glibc cannot load NSS modules in a busybox image).
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define FATE "/data/projects/fate"
static const char *g_role = "?";

/* ------------------------------------------------------------------ utilities */

static void on_term(int sig) { (void)sig; _exit(0); } /* PID 1: must handle SIGTERM itself */

static void setup_signals(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_term;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGQUIT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
    signal(SIGCHLD, SIG_IGN); /* auto-reap per-connection children */
}

static void logf_(const char *fmt, ...) {
    char ts[32];
    struct timeval tv;
    gettimeofday(&tv, NULL);
    struct tm tm;
    localtime_r(&tv.tv_sec, &tm);
    strftime(ts, sizeof ts, "%Y-%m-%d %H:%M:%S", &tm);
    printf("[%s,%03ld] [fd-standin %s] ", ts, (long)(tv.tv_usec / 1000), g_role);
    va_list ap;
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    fflush(stdout);
}

static double now_s(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static char *read_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    size_t n;
    while ((n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (cap - len < 2) buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    buf[len] = 0;
    return buf;
}

/* value of "key=value" in a Java .properties file; out must hold n bytes */
static int prop_get(const char *path, const char *key, char *out, size_t n) {
    char *s = read_file(path);
    if (!s) return -1;
    size_t kl = strlen(key);
    int found = -1;
    for (char *line = strtok(s, "\r\n"); line; line = strtok(NULL, "\r\n")) {
        while (isspace((unsigned char)*line)) line++;
        if (strncmp(line, key, kl) == 0 && (line[kl] == '=' || line[kl] == ' ')) {
            char *v = strchr(line, '=');
            if (!v) continue;
            v++;
            while (isspace((unsigned char)*v)) v++;
            snprintf(out, n, "%s", v);
            for (char *e = out + strlen(out); e > out && isspace((unsigned char)e[-1]);) *--e = 0;
            found = 0;
        }
    }
    free(s);
    return found;
}

/* ------------------------------------------------------------------ tiny JSON */

enum { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ };
typedef struct J {
    int type;
    double num;
    char *str;         /* J_STR value */
    char *key;         /* member name when inside an object */
    struct J *child;   /* first element/member */
    struct J *next;
} J;

static const char *jp; /* parse cursor */
static void jws(void) { while (*jp && isspace((unsigned char)*jp)) jp++; }
static J *jval(void);

static char *jstring(void) {
    if (*jp != '"') return NULL;
    jp++;
    size_t cap = 64, len = 0;
    char *s = malloc(cap);
    while (*jp && *jp != '"') {
        char c = *jp++;
        if (c == '\\' && *jp) {
            c = *jp++;
            if (c == 'n') c = '\n'; else if (c == 't') c = '\t';
            else if (c == 'u') { jp += 4 <= (int)strlen(jp) ? 4 : 0; c = '?'; }
        }
        if (len + 2 > cap) s = realloc(s, cap *= 2);
        s[len++] = c;
    }
    if (*jp != '"') { free(s); return NULL; }
    jp++;
    s[len] = 0;
    return s;
}

static J *jval(void) {
    jws();
    J *v = calloc(1, sizeof *v);
    if (*jp == '{' || *jp == '[') {
        int obj = *jp == '{';
        char close = obj ? '}' : ']';
        v->type = obj ? J_OBJ : J_ARR;
        jp++;
        J **tail = &v->child;
        jws();
        if (*jp == close) { jp++; return v; }
        for (;;) {
            char *key = NULL;
            jws();
            if (obj) {
                if (!(key = jstring())) return NULL;
                jws();
                if (*jp++ != ':') return NULL;
            }
            J *c = jval();
            if (!c) return NULL;
            c->key = key;
            *tail = c;
            tail = &c->next;
            jws();
            if (*jp == ',') { jp++; continue; }
            if (*jp == close) { jp++; return v; }
            return NULL;
        }
    }
    if (*jp == '"') { v->type = J_STR; v->str = jstring(); return v->str ? v : NULL; }
    if (!strncmp(jp, "true", 4)) { v->type = J_BOOL; v->num = 1; jp += 4; return v; }
    if (!strncmp(jp, "false", 5)) { v->type = J_BOOL; jp += 5; return v; }
    if (!strncmp(jp, "null", 4)) { v->type = J_NULL; jp += 4; return v; }
    char *end;
    v->num = strtod(jp, &end);
    if (end == jp) return NULL;
    v->type = J_NUM;
    jp = end;
    return v;
}

static J *json_parse(const char *text) { jp = text; return jval(); }
static J *jget(J *o, const char *key) {
    if (!o || o->type != J_OBJ) return NULL;
    for (J *c = o->child; c; c = c->next) if (c->key && !strcmp(c->key, key)) return c;
    return NULL;
}

/* ------------------------------------------------------------------ name resolution */

static int resolve_hosts_file(const char *name, struct in_addr *out) {
    char *s = read_file("/etc/hosts");
    if (!s) return -1;
    int rc = -1;
    for (char *line = strtok(s, "\n"); line && rc; line = strtok(NULL, "\n")) {
        char *save, *addr = strtok_r(line, " \t", &save);
        if (!addr || addr[0] == '#') continue;
        for (char *n = strtok_r(NULL, " \t", &save); n; n = strtok_r(NULL, " \t", &save))
            if (!strcmp(n, name) && inet_pton(AF_INET, addr, out) == 1) { rc = 0; break; }
    }
    free(s);
    return rc;
}

static int dns_query(const char *server, const char *name, struct in_addr *out) {
    unsigned char q[512], r[1500];
    size_t ql = 12;
    memset(q, 0, 12);
    unsigned short id = (unsigned short)(getpid() ^ time(NULL));
    q[0] = id >> 8; q[1] = id & 0xff; q[2] = 0x01; /* RD */ q[5] = 1; /* QDCOUNT */
    const char *p = name;
    while (*p) {
        const char *dot = strchr(p, '.');
        size_t l = dot ? (size_t)(dot - p) : strlen(p);
        if (l == 0 || l > 63 || ql + l + 6 > sizeof q) return -1;
        q[ql++] = (unsigned char)l;
        memcpy(q + ql, p, l);
        ql += l;
        p += l + (dot ? 1 : 0);
    }
    q[ql++] = 0; q[ql++] = 0; q[ql++] = 1; q[ql++] = 0; q[ql++] = 1; /* A, IN */
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    if (fd < 0) return -1;
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons(53)};
    if (inet_pton(AF_INET, server, &sa.sin_addr) != 1) { close(fd); return -1; }
    int rc = -1;
    for (int attempt = 0; attempt < 2 && rc; attempt++) {
        sendto(fd, q, ql, 0, (struct sockaddr *)&sa, sizeof sa);
        struct pollfd pf = {fd, POLLIN, 0};
        if (poll(&pf, 1, 1000) <= 0) continue;
        ssize_t n = recv(fd, r, sizeof r, 0);
        if (n < 12 || r[0] != q[0] || r[1] != q[1]) continue;
        int an = r[6] << 8 | r[7];
        size_t off = ql; /* skip the echoed question */
        for (int i = 0; i < an && off + 10 < (size_t)n; i++) {
            if ((r[off] & 0xc0) == 0xc0) off += 2;
            else { while (off < (size_t)n && r[off]) off += r[off] + 1; off++; }
            if (off + 10 > (size_t)n) break;
            int type = r[off] << 8 | r[off + 1];
            int rdl = r[off + 8] << 8 | r[off + 9];
            off += 10;
            if (type == 1 && rdl == 4 && off + 4 <= (size_t)n) { memcpy(out, r + off, 4); rc = 0; break; }
            off += rdl;
        }
        if (rc) break; /* an answer without A records: give up */
    }
    close(fd);
    return rc;
}

static int resolve4(const char *name, struct in_addr *out) {
    if (inet_pton(AF_INET, name, out) == 1) return 0;
    if (!strcmp(name, "localhost")) { inet_pton(AF_INET, "127.0.0.1", out); return 0; }
    if (resolve_hosts_file(name, out) == 0) return 0;
    char *s = read_file("/etc/resolv.conf");
    if (!s) return -1;
    int rc = -1;
    for (char *line = strtok(s, "\n"); line && rc; line = strtok(NULL, "\n")) {
        char ns[64];
        if (sscanf(line, "nameserver %63s", ns) == 1) rc = dns_query(ns, name, out);
    }
    free(s);
    return rc;
}

/* ------------------------------------------------------------------ sockets */

/* connect with a timeout; returns fd or -1 with a reason in err */
static int dial(const char *host, int port, int timeout_ms, char *err, size_t errn) {
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((unsigned short)port)};
    if (resolve4(host, &sa.sin_addr)) { snprintf(err, errn, "cannot resolve %s", host); return -1; }
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    if (fd < 0) { snprintf(err, errn, "socket: %s", strerror(errno)); return -1; }
    int rc = connect(fd, (struct sockaddr *)&sa, sizeof sa);
    if (rc && errno == EINPROGRESS) {
        struct pollfd pf = {fd, POLLOUT, 0};
        rc = poll(&pf, 1, timeout_ms);
        if (rc == 0) { snprintf(err, errn, "%s:%d: connect timed out", host, port); close(fd); return -1; }
        int e = 0;
        socklen_t el = sizeof e;
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &e, &el);
        if (e) { snprintf(err, errn, "%s:%d: %s", host, port, strerror(e)); close(fd); return -1; }
    } else if (rc) {
        snprintf(err, errn, "%s:%d: %s", host, port, strerror(errno)); close(fd); return -1;
    }
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    return fd;
}

/* read one line (without the newline) with a timeout; returns length or -1 */
static int read_line(int fd, char *buf, size_t n, int timeout_ms) {
    size_t len = 0;
    double deadline = now_s() + timeout_ms / 1000.0;
    while (len + 1 < n) {
        int left = (int)((deadline - now_s()) * 1000);
        struct pollfd pf = {fd, POLLIN, 0};
        if (left <= 0 || poll(&pf, 1, left) <= 0) { buf[len] = 0; return len ? (int)len : -1; }
        ssize_t r = read(fd, buf + len, 1);
        if (r <= 0) break;
        if (buf[len] == '\n') break;
        len++;
    }
    buf[len] = 0;
    if (len && buf[len - 1] == '\r') buf[--len] = 0;
    return (int)len;
}

static void write_str(int fd, const char *s) {
    size_t l = strlen(s);
    while (l) { ssize_t w = write(fd, s, l); if (w <= 0) return; s += w; l -= (size_t)w; }
}

/* one request/reply exchange with a stand-in; reply goes to out */
static int call(const char *host, int port, const char *req, char *out, size_t n, int timeout_ms) {
    char err[256];
    int fd = dial(host, port, timeout_ms < 3000 ? timeout_ms : 3000, err, sizeof err);
    if (fd < 0) { snprintf(out, n, "FDSB-ERR %s", err); return -1; }
    write_str(fd, req);
    int l = read_line(fd, out, n, timeout_ms);
    close(fd);
    if (l <= 0) { snprintf(out, n, "FDSB-ERR %s:%d: no reply", host, port); return -1; }
    return strncmp(out, "FDSB-OK", 7) ? -1 : 0;
}

static int listen_on(int port) {
    int fd = socket(AF_INET, SOCK_STREAM, 0), one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((unsigned short)port)};
    if (bind(fd, (struct sockaddr *)&sa, sizeof sa) || listen(fd, 64)) {
        logf_("cannot listen on %d: %s", port, strerror(errno));
        exit(1);
    }
    return fd;
}

/* ------------------------------------------------------------------ roles */

static char g_party[64] = "";
static char g_host[128] = "";

static const char *g_route_table = FATE "/proxy/conf/route_table.json";

static void proxy_route(int cfd, const char *dst, const char *svc, int hops, const char *text) {
    char reply[2048];
    if (hops >= 8) { write_str(cfd, "FDSB-ERR routing loop\n"); return; }
    const char *path = g_route_table;
    char *txt = read_file(path);
    J *root = txt ? json_parse(txt) : NULL;
    J *rt = jget(root, "route_table");
    if (!rt) {
        logf_("no usable route table at %s", path);
        snprintf(reply, sizeof reply, "FDSB-ERR proxy %s: no usable %s\n", g_host, path);
        write_str(cfd, reply);
        free(txt);
        return;
    }
    /* party entry -> its service (fate/fateflow/...) or its default; unknown -> default.default */
    J *entry = jget(rt, dst), *target = NULL;
    const char *how;
    if (entry) {
        target = jget(entry, svc);
        how = target ? svc : "default";
        if (!target) target = jget(entry, "default");
    } else {
        target = jget(jget(rt, "default"), "default");
        how = "default.default";
    }
    J *first = target && target->type == J_ARR ? target->child : NULL;
    J *ip = jget(first, "ip"), *port = jget(first, "port");
    if (!ip || ip->type != J_STR || !port) {
        logf_("route %s/%s: no route (%s has no ip/port)", dst, svc, how);
        snprintf(reply, sizeof reply, "FDSB-ERR proxy %s: no route for party %s service %s\n", g_host, dst, svc);
        write_str(cfd, reply);
        free(txt);
        return;
    }
    int p = port->type == J_NUM ? (int)port->num : atoi(port->str ? port->str : "0");
    char req[1024], target_s[200];
    snprintf(target_s, sizeof target_s, "%s:%d", ip->str, p);
    snprintf(req, sizeof req, "FDSB/1 %s %s %d %s\n", dst, svc, hops + 1, text);
    int rc = call(ip->str, p, req, reply, sizeof reply - 1, 10000);
    logf_("route party=%s service=%s via %s -> %s: %s", dst, svc, how, target_s, rc ? reply : "ok");
    strcat(reply, "\n");
    write_str(cfd, reply);
    free(txt);
}

/* The FATE release of a 2.x image (FD_STANDIN_FATE in its environment, e.g. "2.0.0"); 1.x images have none. */
static int fate2(void) {
    const char *v = getenv("FD_STANDIN_FATE");
    return v && v[0] == '2';
}

/* fateflow's federation proxy: v1.11 `rollsite`; v2.0 the service_conf.yaml's `proxy_name` (`osx`). */
static char g_flow_proxy[64] = "rollsite";

/* v1.11+ fateflow runs a toy job: it reaches the other party's fateflow through its proxy, rollsite or OSX
 * (own party -> the route table's fateflow entry; another party -> its proxy, directly or via the exchange). */
static void fateflow_job(int cfd, const char *dst, int hops, const char *text) {
    char req[1024], reply[2048], want[96];
    snprintf(req, sizeof req, "FDSB/1 %s fateflow %d %s\n", dst, hops + 1, text);
    snprintf(want, sizeof want, "party=%s ", dst);
    int rc = call(g_flow_proxy, 9370, req, reply, sizeof reply - 1, 10000);
    int ok = rc == 0 && strstr(reply, "FDSB-OK fateflow") && strstr(reply, want);
    logf_("job %s: party %s via %s:9370: %s", text, dst, g_flow_proxy, ok ? "ok" : reply);
    if (!ok && !strncmp(reply, "FDSB-OK", 7)) snprintf(reply, sizeof reply, "FDSB-ERR wrong peer: %s", req);
    strcat(reply, "\n");
    write_str(cfd, reply);
}

static void serve_conn(int cfd, int port) {
    char line[1024], reply[2048];
    int l = read_line(cfd, line, sizeof line, 5000);
    if (!strcmp(g_role, "mysql") && l < 0) return;
    if (l < 0) l = 0;
    char dst[64], svc[64], text[512] = "";
    int hops;
    if (sscanf(line, "FDSB/1 %63s %63s %d %511[^\n]", dst, svc, &hops, text) >= 3) {
        if (!strcmp(g_role, "proxy") || !strcmp(g_role, "rollsite") || !strcmp(g_role, "osx")) {
            proxy_route(cfd, dst, svc, hops, text);
            return;
        }
        if (!strcmp(g_role, "fateflow") && !strcmp(svc, "toy")) { fateflow_job(cfd, dst, hops, text); return; }
        snprintf(reply, sizeof reply, "FDSB-OK %s party=%s host=%s port=%d %s\n",
                 g_role, g_party[0] ? g_party : "-", g_host, port, text);
        write_str(cfd, reply);
        return;
    }
    if (!strcmp(g_role, "fateflow") && (!strncmp(line, "GET ", 4) || !strncmp(line, "POST ", 5))) {
        /* each era's health endpoint (what its compose healthcheck asks); any other path is unknown */
        int v1 = !fate2() && (strstr(line, " /v1/version/get ") != NULL);
        int v2 = fate2() && !strncmp(line, "GET /v2/server/fateflow ", 24);
        if (v1 || v2)
            snprintf(reply, sizeof reply,
                     "HTTP/1.0 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n%s\n",
                     v1 ? "{\"data\": {\"FATE\": \"1.11.2-fd-standin\"}, \"retcode\": 0, \"retmsg\": \"success\"}"
                        : "{\"code\": 0, \"data\": {\"fateflow\": \"2.0.0-fd-standin\"}, \"message\": \"success\"}");
        else
            snprintf(reply, sizeof reply,
                     "HTTP/1.0 404 NOT FOUND\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n"
                     "fd-standin fateflow: no such endpoint\n");
        write_str(cfd, reply);
        return;
    }
    if (!strncmp(line, "GET ", 4) || !strncmp(line, "POST ", 5) || !strncmp(line, "HEAD ", 5)) {
        snprintf(reply, sizeof reply,
                 "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n"
                 "fd-standin %s (test double, not FATE) on %s:%d\n", g_role, g_host, port);
        write_str(cfd, reply);
        return;
    }
    if (!strcmp(g_role, "redis-server")) { write_str(cfd, "+PONG\r\n"); return; }
    snprintf(reply, sizeof reply, "fd-standin %s (test double, not FATE) party=%s\n", g_role,
             g_party[0] ? g_party : "-");
    write_str(cfd, reply);
}

static void serve(const int *ports, int nports) {
    struct pollfd pf[8];
    for (int i = 0; i < nports; i++) { pf[i].fd = listen_on(ports[i]); pf[i].events = POLLIN; }
    char list[128] = "";
    for (int i = 0; i < nports; i++) sprintf(list + strlen(list), "%s%d", i ? "," : "", ports[i]);
    logf_("listening on %s (party %s)", list, g_party[0] ? g_party : "-");
    for (;;) {
        if (poll(pf, (nfds_t)nports, -1) < 0) continue;
        for (int i = 0; i < nports; i++) {
            if (!(pf[i].revents & POLLIN)) continue;
            int cfd = accept(pf[i].fd, NULL, NULL);
            if (cfd < 0) continue;
            if (!strcmp(g_role, "mysql")) {
                /* servers speak first in the MySQL protocol: a (fake) greeting */
                static const char greet[] = "\x1f\0\0\0\x0a" "8.0.19-fd-standin\0";
                write(cfd, greet, sizeof greet - 1);
            }
            pid_t pid = fork();
            if (pid == 0) {
                for (int j = 0; j < nports; j++) close(pf[j].fd);
                serve_conn(cfd, ports[i]);
                shutdown(cfd, SHUT_WR);
                usleep(50000);
                _exit(0);
            }
            close(cfd);
        }
    }
}

static int env_int(const char *name, int def) {
    const char *v = getenv(name);
    return v && *v ? atoi(v) : def;
}

static void sleep_s(double s) {
    struct timespec t = {(time_t)s, (long)((s - (time_t)s) * 1e9)};
    while (nanosleep(&t, &t) && errno == EINTR) {}
}

/* First start = initialisation. It lasts FD_STANDIN_MYSQL_DELAY seconds AND until the stand-in has
 * turned away FD_STANDIN_MYSQL_TURN_AWAY connection attempts (default 1): it accepts on 3306 and closes
 * at once, without the server greeting. So a client that starts while MySQL initialises (python) fails
 * at least once, whatever the machine's speed: the restart the tests look for is an event, not a race. */
static int role_mysql(void) {
    int delay = env_int("FD_STANDIN_MYSQL_DELAY", 8);
    int turn_away = env_int("FD_STANDIN_MYSQL_TURN_AWAY", 1);
    const char *marker = "/var/lib/mysql/.fd-standin-initialised";
    mkdir("/var/lib/mysql", 0755);
    if (access(marker, F_OK) == 0) {
        logf_("[Note] [Entrypoint] Database already initialised; starting mysqld");
    } else {
        logf_("[Note] [Entrypoint] Initializing database files (stand-in: at least %d s and until %d "
              "connection(s) were turned away)", delay, turn_away);
        system("for f in /docker-entrypoint-initdb.d/*; do [ -f \"$f\" ] && "
               "echo \"[fd-standin mysql] [Entrypoint] running $f\"; done 2>/dev/null");
        int lfd = listen_on(3306);
        double until = now_s() + delay;
        int turned = 0;
        while (now_s() < until || turned < turn_away) {
            double left = until - now_s();
            struct pollfd pf = {lfd, POLLIN, 0};
            if (poll(&pf, 1, left > 0 ? (int)(left * 1000) + 1 : -1) <= 0) continue;
            int cfd = accept(lfd, NULL, NULL);
            if (cfd < 0) continue;
            close(cfd);
            turned++;
            logf_("[Note] [Entrypoint] still initialising: connection %d closed without greeting", turned);
        }
        close(lfd);
        close(open(marker, O_CREAT | O_WRONLY, 0644));
    }
    logf_("[System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. "
          "Version: '8.0.19-fd-standin'  socket: ''  port: 3306");
    int ports[] = {3306};
    serve(ports, 1);
    return 0;
}

static int role_python(void);
/* value of "key: value" (first match, any indentation) in a YAML file */
static int yaml_get(const char *path, const char *key, char *out, size_t n) {
    char *s = read_file(path);
    if (!s) return -1;
    size_t kl = strlen(key);
    int found = -1;
    for (char *line = strtok(s, "\r\n"); line && found; line = strtok(NULL, "\r\n")) {
        while (isspace((unsigned char)*line)) line++;
        if (!strncmp(line, key, kl) && line[kl] == ':') {
            char *v = line + kl + 1;
            while (isspace((unsigned char)*v) || *v == '\'' || *v == '"') v++;
            snprintf(out, n, "%s", v);
            for (char *e = out + strlen(out); e > out && (isspace((unsigned char)e[-1]) || e[-1] == '\'' || e[-1] == '"');) *--e = 0;
            found = 0;
        }
    }
    free(s);
    return found;
}

static int role_python(void) {
    char err[256];
    /* fate_flow connects to its DATABASE at start and dies if MySQL is not there yet */
    int fd = dial("mysql", 3306, 2000, err, sizeof err);
    if (fd < 0) {
        logf_("fate_flow_server: database not reachable (%s)", err);
        fprintf(stderr,
                "peewee.OperationalError: (2003, \"Can't connect to MySQL server on 'mysql' (%s)\")\n",
                err);
        return 1;
    }
    /* a MySQL server speaks first; a connection closed before the greeting is an initialising server */
    struct pollfd pf = {fd, POLLIN, 0};
    char greet[64];
    ssize_t got = poll(&pf, 1, 5000) > 0 ? read(fd, greet, sizeof greet) : -1;
    close(fd);
    if (got <= 0) {
        logf_("fate_flow_server: database closed the connection before its greeting");
        fprintf(stderr,
                "peewee.OperationalError: (2013, \"Lost connection to MySQL server at 'reading initial "
                "communication packet', system error: 0\")\n");
        return 1;
    }
    logf_("fate_flow_server: database connected; starting gRPC 9360, HTTP 9380");
    int ports[] = {9360, 9380};
    serve(ports, 2);
    return 0;
}

/* the proxy host/port that fate_flow/arch would use (server_conf.json), default proxy:9370 */
static void proxy_address(char *host, size_t n, int *port) {
    snprintf(host, n, "proxy");
    *port = 9370;
    char *t = read_file(FATE "/python/arch/conf/server_conf.json");
    J *p = jget(jget(t ? json_parse(t) : NULL, "servers"), "proxy");
    J *h = jget(p, "host"), *pt = jget(p, "port");
    if (h && h->type == J_STR) snprintf(host, n, "%s", h->str);
    if (pt && pt->type == J_NUM) *port = (int)pt->num;
    free(t);
}

static void fate_log(const char *file, int line, const char *msg) {
    struct timeval tv;
    gettimeofday(&tv, NULL);
    struct tm tm;
    localtime_r(&tv.tv_sec, &tm);
    char ts[32];
    strftime(ts, sizeof ts, "%Y-%m-%d %H:%M:%S", &tm);
    printf("[INFO] [%s,%03ld] [%d:%lu] - %s[line:%d] - INFO: %s\n", ts, (long)(tv.tv_usec / 1000),
           (int)getpid(), 140000000000000UL + (unsigned long)getpid(), file, line, msg);
}

/* a FATE-like job id: the local time and the process id */
static void make_job_id(char *out, size_t n) {
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(out, n, "%Y%m%d%H%M%S", &tm);
    snprintf(out + strlen(out), n - strlen(out), "%06d", (int)(getpid() % 1000000));
}

/* python run_toy_example.py GUEST HOST WORK_MODE  (argv here starts at the script name) */
static int role_toy(int argc, char **argv) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (argc > 1 && strlen(argv[1]) > 3 && !strcmp(argv[1] + strlen(argv[1]) - 3, ".py")) { argv++; argc--; }
    if (argc < 4) {
        fprintf(stderr, "usage: python run_toy_example.py guest_party_id host_party_id work_mode\n");
        return 2;
    }
    const char *guest = argv[1], *host = argv[2];
    int timeout = env_int("FD_STANDIN_TOY_TIMEOUT", 15);
    for (int i = 4; i + 1 < argc; i++) if (!strcmp(argv[i], "--timeout")) timeout = atoi(argv[i + 1]);
    char phost[128];
    int pport;
    proxy_address(phost, sizeof phost, &pport);
    char jobid[64];
    make_job_id(jobid, sizeof jobid);
    printf("stdout:{\n    \"data\": {\n        \"jobId\": \"%s\"\n    },\n    \"retcode\": 0,\n"
           "    \"retmsg\": \"success\"\n}\n", jobid);
    printf("[fd-standin toy] test double of run_toy_example.py: guest %s -> %s:%d -> host party %s, "
           "timeout %d s\n", guest, phost, pport, host, timeout);
    double deadline = now_s() + timeout;
    char req[256], reply[2048];
    for (;;) {
        double left = deadline - now_s();
        if (left <= 0) break;
        int tmo = left > 5 ? 5000 : (int)(left * 1000) + 1;
        /* guest's own federation through the guest proxy (own party id -> local route) */
        snprintf(req, sizeof req, "FDSB/1 %s fate 0 toy job=%s role=guest\n", guest, jobid);
        char want[96];
        snprintf(want, sizeof want, "party=%s ", guest);
        int ok = call(phost, pport, req, reply, sizeof reply, tmo) == 0 &&
                 strstr(reply, "FDSB-OK federation") && strstr(reply, want);
        if (ok) {
            /* the host party's federation: guest proxy -> exchange -> host proxy -> federation */
            left = deadline - now_s();
            tmo = left > 5 ? 5000 : (int)(left * 1000) + 1;
            snprintf(req, sizeof req, "FDSB/1 %s fate 0 toy job=%s role=host\n", host, jobid);
            snprintf(want, sizeof want, "party=%s ", host);
            ok = left > 0 && call(phost, pport, req, reply, sizeof reply, tmo) == 0 &&
                 strstr(reply, "FDSB-OK federation") && strstr(reply, want);
        }
        if (ok) {
            printf("job status is success\n");
            fate_log("secure_add_guest.py", 121,
                     "success to calculate secure_sum, it is 2000.0000000000002");
            return 0;
        }
        printf("job status is running   (%s)\n", reply);
        left = deadline - now_s();
        if (left > 1) sleep_s(1); else if (left > 0) sleep_s(left);
    }
    printf("Traceback (most recent call last):\n"
           "  File \"run_toy_example.py\", line 164, in <module>\n"
           "ValueError: job running time exceed, please check federation or eggroll log\n");
    fprintf(stderr, "job running time exceed, please check federation or eggroll log\n");
    return 1;
}

/* curl [-f] [-s] [-X METHOD | "-X METHOD"] URL: HTTP/1.0 over our own resolver (fateflow's healthcheck) */
static int role_curl(int argc, char **argv) {
    int fail = 0;
    const char *method = "GET", *url = NULL;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-f")) fail = 1;
        else if (!strcmp(argv[i], "-X") && i + 1 < argc) method = argv[++i];
        else if (!strncmp(argv[i], "-X", 2)) { method = argv[i] + 2; while (*method == ' ') method++; }
        else if (argv[i][0] != '-') url = argv[i];
    }
    char host[128], path[512] = "/";
    int port = 80;
    if (!url || strncmp(url, "http://", 7)) { fprintf(stderr, "curl (fd-standin): only http:// URLs\n"); return 2; }
    const char *h = url + 7, *sl = strchr(h, '/');
    size_t hl = sl ? (size_t)(sl - h) : strlen(h);
    snprintf(host, sizeof host, "%.*s", (int)hl, h);
    if (sl) snprintf(path, sizeof path, "%s", sl);
    char *colon = strchr(host, ':');
    if (colon) { *colon = 0; port = atoi(colon + 1); }
    char err[256], req[1024], line[1024];
    int fd = dial(host, port, 5000, err, sizeof err);
    if (fd < 0) { fprintf(stderr, "curl: (7) Failed to connect: %s\n", err); return 7; }
    snprintf(req, sizeof req, "%s %s HTTP/1.0\r\nHost: %s\r\n\r\n", method, path, host);
    write_str(fd, req);
    if (read_line(fd, line, sizeof line, 10000) <= 0) { close(fd); fprintf(stderr, "curl: (52) Empty reply\n"); return 52; }
    int status = 0;
    sscanf(line, "HTTP/%*s %d", &status);
    if (fail && status >= 400) { close(fd); fprintf(stderr, "curl: (22) error: %d\n", status); return 22; }
    /* the rest until the server closes: headers, a blank line, the body */
    char rest[8192];
    size_t len = 0;
    struct pollfd pf = {fd, POLLIN, 0};
    while (len + 1 < sizeof rest && poll(&pf, 1, 10000) > 0) {
        ssize_t r = read(fd, rest + len, sizeof rest - 1 - len);
        if (r <= 0) break;
        len += (size_t)r;
    }
    rest[len] = 0;
    close(fd);
    char *body = strstr(rest, "\r\n\r\n");
    if (body) fputs(body + 4, stdout);
    return status >= 200 && status < 400 ? 0 : (fail ? 22 : 0);
}

/* flow test toy -gid G -hid H [-t|--timeout N]: FATE's flow client as far as a deployer sees it. The job goes to
 * fateflow (FATE_FLOW_IP:FATE_FLOW_PORT), which reaches party H through its proxy (rollsite or OSX). FATE 1.11's
 * client prints the submission, a status line per second and, on success, the guest log's secure_sum line, or
 * `check job status timeout`; FATE 2.0's client (FD_STANDIN_FATE=2.x) only the status lines, or `timeout...` and
 * where the job's logs are. Both exit 0 whatever happened: only the output tells. */
static int role_flow(int argc, char **argv) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    const char *guest = NULL, *host = NULL;
    int timeout = env_int("FD_STANDIN_TOY_TIMEOUT", 15);
    if (argc < 3 || strcmp(argv[1], "test") || strcmp(argv[2], "toy")) {
        fprintf(stderr, "fd-standin flow: only `flow test toy -gid G -hid H [--timeout N]` is implemented\n");
        return 2;
    }
    for (int i = 3; i + 1 < argc; i++) {
        if (!strcmp(argv[i], "-gid") || !strcmp(argv[i], "--guest-party-id")) guest = argv[++i];
        else if (!strcmp(argv[i], "-hid") || !strcmp(argv[i], "--host-party-id")) host = argv[++i];
        else if (!strcmp(argv[i], "--timeout") || !strcmp(argv[i], "-t")) timeout = atoi(argv[++i]);
    }
    if (!guest || !host) { fprintf(stderr, "Error: Missing option '-gid' / '-hid'.\n"); return 2; }
    const int v2 = fate2();
    const char *fip = getenv("FATE_FLOW_IP") ? getenv("FATE_FLOW_IP") : "fateflow";
    int fport = env_int("FATE_FLOW_PORT", 9380);
    char jobid[64];
    make_job_id(jobid, sizeof jobid);
    if (!v2) printf("{\n    \"jobId\": \"%s\",\n    \"retcode\": 0,\n    \"retmsg\": \"success\"\n}\n", jobid);
    printf("[fd-standin flow] test double of `flow test toy` (FATE %s): guest %s -> fateflow %s:%d -> party %s, "
           "timeout %d\n", v2 ? getenv("FD_STANDIN_FATE") : "1.x", guest, fip, fport, host, timeout);
    char req[256], reply[2048];
    /* the client polls about once a second for `timeout` seconds; a slow route does not stretch that */
    const double deadline = now_s() + timeout;
    while (now_s() < deadline) {
        snprintf(req, sizeof req, "FDSB/1 %s toy 0 job=%s guest=%s\n", host, jobid, guest);
        if (call(fip, fport, req, reply, sizeof reply, 5000) == 0) {
            printf("toy test job %s is success\n", jobid);
            if (!v2) fate_log("secure_add_guest.py", 121, "success to calculate secure_sum, it is 2000.0000000000002");
            return 0;
        }
        printf("toy test job %s is running   (%s)\n", jobid, reply);
        double left = deadline - now_s();
        if (left > 0) sleep_s(left > 1 ? 1 : left);
    }
    if (v2)
        printf("timeout...\nYou can use the command of 'flow job download-log -j %s -o $download_dir' to download "
               "the logs.\n", jobid);
    else
        printf("check job status timeout\n");
    return 0;
}

/* The component a compose `command:` line starts: KubeFATE's java and python command lines (v1.11: the
 * *Bootstrap classes of eggroll 2; v2.0: org.fedai.eggroll.* and OSX's broker), or the short names of our own
 * fixture trees (tests/data). NULL: not a component. */
static const char *role_of_command(const char *c) {
    static const struct { const char *marker; const char *role; } known[] = {
        {"EggSiteBootstrap", "rollsite"},
        {"ClusterManagerBootstrap", "clustermanager"},
        {"eggroll.clustermanager.", "clustermanager"},
        {"NodeManagerBootstrap", "nodemanager"},
        {"eggroll.nodemanager.", "nodemanager"},
        {"org.fedai.osx.broker.", "osx"},
        {"fate_flow_server.py", "fateflow"},
        {"jupyter notebook", "client"},
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (strstr(c, known[i].marker)) return known[i].role;
    static const char *const bare[] = {"rollsite", "clustermanager", "nodemanager"};
    for (size_t i = 0; i < sizeof bare / sizeof bare[0]; i++)
        if (!strcmp(c, bare[i])) return bare[i];
    return NULL;
}

int main(int argc, char **argv) {
    const char *b = strrchr(argv[0], '/');
    g_role = b ? b + 1 : argv[0];
    if (!strcmp(g_role, "fd-standin")) {
        if (argc < 2) {
            fprintf(stderr, "fd-standin: test double of FATE components.\nusage: fd-standin "
                            "federation|proxy|fateboard|roll|egg|meta-service|python|mysql|redis-server|toy|"
                            "rollsite|osx|fateflow|client|...\n");
            return 2;
        }
        g_role = argv[1];
        argv++;
        argc--;
    }
    gethostname(g_host, sizeof g_host - 1);
    if (!strcmp(g_role, "toy")) return role_toy(argc, argv);
    if (!strcmp(g_role, "bash")) {
        /* v1.11's and v2.0's compose files start eggroll, fateflow and the client with `bash -c "<command
         * line>"`: the command line names the component. Anything else is a shell. */
        const char *role = argc == 3 && !strcmp(argv[1], "-c") ? role_of_command(argv[2]) : NULL;
        if (!role) {
            argv[0] = "sh";
            execv("/bin/busybox", argv);
            perror("busybox");
            return 127;
        }
        g_role = role;
    } else if (!strcmp(g_role, "java")) {
        /* v2.0 starts OSX with `sh -c "java … org.fedai.osx.broker.Bootstrap …"`: the shell runs this applet */
        char line[4096] = "";
        for (int i = 1; i < argc; i++)
            snprintf(line + strlen(line), sizeof line - strlen(line), "%s%s", i > 1 ? " " : "", argv[i]);
        const char *role = role_of_command(line);
        if (!role) { fprintf(stderr, "fd-standin java: no stand-in for: %s\n", line); return 1; }
        g_role = role;
    }
    if (!strcmp(g_role, "curl")) return role_curl(argc, argv);
    if (!strcmp(g_role, "flow")) return role_flow(argc, argv);
    setup_signals();
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (!strcmp(g_role, "federation")) {
        prop_get(FATE "/federation/conf/federation.properties", "party.id", g_party, sizeof g_party);
        int p[] = {9394}; serve(p, 1);
    } else if (!strcmp(g_role, "proxy")) {
        prop_get(FATE "/proxy/conf/proxy.properties", "coordinator", g_party, sizeof g_party);
        int p[] = {9370}; serve(p, 1);
    } else if (!strcmp(g_role, "fateboard")) { int p[] = {8080}; serve(p, 1);
    } else if (!strcmp(g_role, "roll")) {
        prop_get(FATE "/roll/conf/roll.properties", "party.id", g_party, sizeof g_party);
        int p[] = {8011}; serve(p, 1);
    } else if (!strcmp(g_role, "egg")) {
        prop_get(FATE "/eggroll/egg/conf/egg.properties", "party.id", g_party, sizeof g_party);
        int p[] = {7888, 7778}; serve(p, 2);
    } else if (!strcmp(g_role, "meta-service")) {
        prop_get(FATE "/meta-service/conf/meta-service.properties", "party.id", g_party, sizeof g_party);
        int p[] = {8590}; serve(p, 1);
    } else if (!strcmp(g_role, "python")) { return role_python();
    } else if (!strcmp(g_role, "rollsite")) {
        g_route_table = FATE "/eggroll/conf/route_table.json";
        prop_get(FATE "/eggroll/conf/eggroll.properties", "eggroll.rollsite.party.id", g_party, sizeof g_party);
        int p[] = {9370}; serve(p, 1);
    } else if (!strcmp(g_role, "clustermanager")) { int p[] = {4670}; serve(p, 1);
    } else if (!strcmp(g_role, "nodemanager")) { int p[] = {4671}; serve(p, 1);
    } else if (!strcmp(g_role, "osx")) {
        /* v2.0: compose mounts confs/osx/conf/ at osx/conf/broker/ */
        g_route_table = FATE "/osx/conf/broker/route_table.json";
        prop_get(FATE "/osx/conf/broker/broker.properties", "self.party", g_party, sizeof g_party);
        int p[] = {9370}; serve(p, 1);
    } else if (!strcmp(g_role, "fateflow")) {
        /* v1.11 mounts service_conf.yaml at conf/, v2.0 at fate_flow/conf/ (and names its proxy there) */
        const char *conf = fate2() ? FATE "/fate_flow/conf/service_conf.yaml" : FATE "/conf/service_conf.yaml";
        yaml_get(conf, "party_id", g_party, sizeof g_party);
        yaml_get(conf, "proxy_name", g_flow_proxy, sizeof g_flow_proxy);
        return role_python();
    } else if (!strcmp(g_role, "client")) { int p[] = {20000}; serve(p, 1);
    } else if (!strcmp(g_role, "serving-server")) { int p[] = {8000}; serve(p, 1);
    } else if (!strcmp(g_role, "serving-proxy")) { int p[] = {8059, 8869, 8879}; serve(p, 3);
    } else if (!strcmp(g_role, "serving-admin")) { int p[] = {8350}; serve(p, 1);
    } else if (!strcmp(g_role, "zookeeper")) { int p[] = {2181}; serve(p, 1);
    } else if (!strcmp(g_role, "mysql") || !strcmp(g_role, "mysqld")) { g_role = "mysql"; return role_mysql();
    } else if (!strcmp(g_role, "redis-server")) { int p[] = {6379}; serve(p, 1);
    } else {
        fprintf(stderr, "fd-standin: unknown role '%s'\n", g_role);
        return 2;
    }
    return 0;
}
