# Tadaima: `make run` starts the demo, `make test` runs every test.
# Both install what they need first (scripts/bootstrap).
BUILD ?= build
JOBS ?= 2

.PHONY: all bootstrap build server web run test bench clean

all: build

bootstrap:
	@scripts/bootstrap

$(BUILD)/build.ninja:
	cmake -S server -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCMAKE_CXX_COMPILER_LAUNCHER=ccache

server: $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

web:
	npm run --silent build:web

build: bootstrap server web

run: build
	$(BUILD)/tadaima demo

test: build
	scripts/test

# The stamp benchmark (bench/README.md): SQLite and PostgreSQL with 30 days of
# history, then SQLite with a year of history (about 4 million visits); then the
# notification benchmark (1,000 stamps/s, push and e-mail to local receivers) on both;
# the monthly report with a month and a year of history on both.
bench: build
	bench/run --postgres
	bench/run --history-days 460
	bench/notify --postgres
	bench/report --postgres

clean:
	rm -rf $(BUILD) web/dist
