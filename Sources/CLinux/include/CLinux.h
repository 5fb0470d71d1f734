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
#endif
