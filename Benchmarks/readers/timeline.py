#!/usr/bin/env python3
# timeline.py PERF_SCRIPT_OUTPUT (perf script -F tid,time,event of timeline.sh's probes):
# each phase of the cohort read per read, from its probes' times; medians, minima
# and maxima over the reads after the first (which starts the threads).
import sys, re, statistics as st
ev=[]
for line in open(sys.argv[1]):
    m=re.match(r'\s*(\d+)\s+([\d.]+):\s+\w+:(\w+?)(_ret__return)?:',line)
    if not m: continue
    ev.append((float(m.group(2))*1000,int(m.group(1)),m.group(3),bool(m.group(4))))
reads=[]; cur=None
for e in ev:
    if e[2]=='read' and not e[3]:
        cur=[]; reads.append(cur)
    if cur is not None: cur.append(e)
main=ev[0][1]
rows=[]
for i,r in enumerate(reads):
    t0=r[0][0]
    def first(name,ret=False,after=-1,tid=None):
        for e in r:
            if e[2]==name and e[3]==ret and e[0]>after and (tid is None or e[1]==tid): return e[0]
        return None
    def all_(name,ret=False,lo=-1,hi=1e18):
        return [e for e in r if e[2]==name and e[3]==ret and lo<=e[0]<=hi]
    d={}
    L1=first('load'); L1e=first('load',True); L2=first('load',after=L1e); L2e=first('load',True,after=L2)
    d['load mentors']=L1e-L1; d['load mentees']=L2e-L2
    fp=[(s,first('fileparse',True,after=s)) for s in [x[0] for x in all_('fileparse')]]
    for name,(s,e) in zip(['mentors','mentees'],fp):
        ps=first('parserows',after=s); cs=[x[0] for x in all_('chunk',lo=s,hi=e)]; ce=[x for x in all_('chunk',True,lo=s,hi=e)]
        d[name+' header']=ps-s
        d[name+' line counts']=min(cs)-ps
        d[name+' chunks']=max(x[0] for x in ce)-min(cs)
        # one-thread tail of chunks: last end minus the other threads' last end
        ends={}
        for x in ce: ends[x[1]]=max(ends.get(x[1],0),x[0])
        ev2=sorted(ends.values())
        d[name+' chunk tail (1 thread)']=(ev2[-1]-ev2[-2]) if len(ev2)>1 else ev2[-1]-min(cs)
        d[name+' merge+join']=e-max(x[0] for x in ce)
    a=first('assemble'); ae=first('assemble',True)
    b=[x[0] for x in all_('build',lo=a,hi=ae)]; be=[x[0] for x in all_('build',True,lo=a,hi=ae)]
    cy=first('cycles',after=a); cye=first('cycles',True,after=a)
    d['assemble: before builds']=b[0]-a
    d['build mentors']=be[0]-b[0]
    d['between builds']=b[1]-be[0]
    d['build mentees']=be[1]-b[1]
    d['assemble: after builds']=ae-be[1]
    d['cycle check (other thread)']=cye-cy
    d['cycle check ends after build mentors start']=cye-b[0]
    d['read: after assemble']=first('read',True)-ae
    d['read total']=first('read',True)-t0
    d['start to load']=L1-t0
    if i+1<len(reads): d['gap to next read (driver, release)']=reads[i+1][0][0]-first('read',True)
    rows.append(d)
keys=list(dict.fromkeys(list(rows[0].keys())+["gap to next read (driver, release)"]))
use=rows[1:]
print('%-45s %8s %8s %8s'%('phase (ms)','median','min','max'))
for k in keys:
    v=[r[k] for r in use if k in r]
    if v: print('%-45s %8.2f %8.2f %8.2f'%(k,st.median(v),min(v),max(v)))
