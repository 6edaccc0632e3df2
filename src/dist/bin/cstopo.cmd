@echo off
rem cstopo launcher for Windows (cmd.exe; PowerShell runs it as "cstopo" too).
rem
rem Finds Java (JAVA_HOME, then PATH) and runs cstopo.jar, which sits beside this file (a build's
rem target\) or in ..\lib (the distribution zip). Arguments pass through as typed (%*) and the exit
rem code comes back unchanged. A start-up archive made by this very JVM beside the jar
rem (cstopo.aot: JDK 25+ AOT cache; cstopo.jsa: class-data-sharing archive) is used; otherwise
rem cstopo starts without one, silently.
rem
rem Environment: JAVA_HOME (the Java to use), CSTOPO_JAVA_OPTS (extra JVM options, e.g. -Xmx4g).
rem Exit code 127: no usable Java, or cstopo.jar missing; otherwise cstopo's own (cstopo --help).
rem
rem No parenthesised blocks below expand a path: a ")" in "C:\Program Files (x86)\..." would end
rem the block early. Every path is used inside double quotes. Delayed expansion stays off so that
rem a "!" in an argument is passed on as it is.

setlocal EnableExtensions DisableDelayedExpansion

call :locate
if exist "%CSTOPO_HERE%cstopo.jar" goto jar_here
if exist "%CSTOPO_HERE%..\lib\cstopo.jar" goto jar_lib
echo cstopo: cstopo.jar is neither beside this launcher nor in ..\lib: the installation is incomplete (unzip cstopo-VERSION.zip again) 1>&2
exit /b 127
:jar_here
set "CSTOPO_LIB=%CSTOPO_HERE%"
goto find_java
:jar_lib
set "CSTOPO_LIB=%CSTOPO_HERE%..\lib\"

:find_java
rem A JAVA_HOME set with quotes around it (set JAVA_HOME="C:\...") is common: drop them.
set "CSTOPO_JH="
if defined JAVA_HOME set "CSTOPO_JH=%JAVA_HOME:"=%"
if not defined CSTOPO_JH goto java_from_path
set "CSTOPO_JAVA=%CSTOPO_JH%\bin\java.exe"
if exist "%CSTOPO_JAVA%" goto java_version
echo cstopo: JAVA_HOME is "%CSTOPO_JH%" but "%CSTOPO_JAVA%" is not there: set JAVA_HOME to a Java 17+ installation, or unset it to use java from PATH 1>&2
exit /b 127

:java_from_path
set "CSTOPO_JAVA="
for %%J in (java.exe) do set "CSTOPO_JAVA=%%~$PATH:J"
if defined CSTOPO_JAVA goto java_from_path_home
echo cstopo: no Java found: install Java 17 or newer and put it on PATH, or set JAVA_HOME 1>&2
exit /b 127
:java_from_path_home
for %%J in ("%CSTOPO_JAVA%\..\..") do set "CSTOPO_JH=%%~fJ"

:java_version
rem The JVM's version from its release file, when it has one (a PATH shim such as
rem ...\Oracle\Java\javapath\java.exe has none: then no archive and no version check).
set "CSTOPO_JV="
set "CSTOPO_RT="
if not exist "%CSTOPO_JH%\release" goto options
for /f "usebackq tokens=1,* delims==" %%A in ("%CSTOPO_JH%\release") do if "%%A"=="JAVA_VERSION" set "CSTOPO_JV=%%~B"
for /f "usebackq tokens=1,* delims==" %%A in ("%CSTOPO_JH%\release") do if "%%A"=="JAVA_RUNTIME_VERSION" set "CSTOPO_RT=%%~B"
if not defined CSTOPO_JV goto options
set "CSTOPO_MAJOR=0"
for /f "tokens=1 delims=.-+" %%M in ("%CSTOPO_JV%") do set "CSTOPO_MAJOR=%%M"
if %CSTOPO_MAJOR% GEQ 17 goto options
echo cstopo: needs Java 17 or newer; "%CSTOPO_JAVA%" is Java %CSTOPO_JV% (set JAVA_HOME to a Java 17+ installation) 1>&2
exit /b 127

:options
rem The first line of ARCHIVE.jvm, written by the build, is the runtime version of the JVM that
rem made ARCHIVE (for /f reads it whatever its line ends).
rem The JVM checks the archive too; -Xlog:...=off keeps its warnings off the console.
set CSTOPO_SHARE=
if not defined CSTOPO_RT goto run
set "CSTOPO_MADE="
if not exist "%CSTOPO_LIB%cstopo.aot" goto try_cds
if not exist "%CSTOPO_LIB%cstopo.aot.jvm" goto try_cds
for /f "usebackq delims=" %%L in ("%CSTOPO_LIB%cstopo.aot.jvm") do if not defined CSTOPO_MADE set "CSTOPO_MADE=%%L"
if "%CSTOPO_MADE%"=="%CSTOPO_RT%" set CSTOPO_SHARE="-XX:AOTCache=%CSTOPO_LIB%cstopo.aot" -Xlog:aot=off -Xlog:cds=off
if defined CSTOPO_SHARE goto run
:try_cds
set "CSTOPO_MADE="
if not exist "%CSTOPO_LIB%cstopo.jsa" goto run
if not exist "%CSTOPO_LIB%cstopo.jsa.jvm" goto run
for /f "usebackq delims=" %%L in ("%CSTOPO_LIB%cstopo.jsa.jvm") do if not defined CSTOPO_MADE set "CSTOPO_MADE=%%L"
if "%CSTOPO_MADE%"=="%CSTOPO_RT%" set CSTOPO_SHARE="-XX:SharedArchiveFile=%CSTOPO_LIB%cstopo.jsa" -Xshare:auto -Xlog:cds=off

:run
rem C1 only with one compiler thread, and the serial collector: faster on small and large topologies
rem alike; a 6 MB young generation in a 384 MB heap uses half the memory on a 10 MB topology and
rem spares a large one full collections (src/bench/README.md). CSTOPO_JAVA_OPTS win: with -Xmx
rem below 384m give -Xms too (e.g. -Xms64m -Xmx256m).
"%CSTOPO_JAVA%" -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC -Xms384m -Xmn6m %CSTOPO_SHARE% %CSTOPO_JAVA_OPTS% -cp "%CSTOPO_LIB%cstopo.jar" org.cstopo.cli.Main %*
exit /b %ERRORLEVEL%

:locate
rem Inside a called label %~dp0 is this file's own directory even when it was started by a quoted
rem name found on PATH ("cstopo" ...), where %~dp0 at the top level can name the current directory.
set "CSTOPO_HERE=%~dp0"
exit /b 0
