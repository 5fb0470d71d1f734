#ifndef CLINUX_H
#define CLINUX_H
/* Linux headers that Swift's Glibc module does not export. Nothing else. */
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sched.h>
#include <sys/resource.h>

/* accept4(2) is declared only under _GNU_SOURCE, which the Glibc module is not built with. */
extern int accept4(int sockfd, struct sockaddr *addr, socklen_t *addrlen, int flags);

#endif
