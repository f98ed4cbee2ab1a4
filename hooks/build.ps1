# ask-cli's custom build flow on Windows, run by `ask deploy`: the same as hooks/build.sh, checks included.
# The working folder is ask-cli's copy of lambda/ (.ask/lambda), $args[0] is the zip to write, $args[1] is $True for --debug.
$ErrorActionPreference = 'Stop'
$projectRoot = Split-Path -Parent $PSScriptRoot
if ($args[1] -eq $True) { Write-Output "Building $($args[0]) from $PWD\src" }
node "$projectRoot\node_modules\ts-node\dist\bin.js" "$projectRoot\tools\build\lambda-zip.ts" $args[0] "$PWD"
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
