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

bench: build
	bench/run

clean:
	rm -rf $(BUILD) web/dist
