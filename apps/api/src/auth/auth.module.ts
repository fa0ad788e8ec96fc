import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JWT_SECRET } from '../config/jwt-secret';
import { SessionsModule } from '../sessions';
import { UsersModule } from '../users';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginFailure } from './login-failure.entity';
import { LoginFailuresRepository } from './login-failures.repository';

@Module({
  imports: [
    TypeOrmModule.forFeature([LoginFailure]),
    JwtModule.registerAsync({
      global: true,
      inject: [JWT_SECRET],
      // A key object, not the string: jsonwebtoken otherwise tries (and fails) to parse a string as a public key on
      // every verify, which costs more than the signature check itself.
      useFactory: (secret: string) => ({
        secret: createSecretKey(Buffer.from(secret)),
        signOptions: { algorithm: 'HS256' },
      }),
    }),
    UsersModule,
    SessionsModule,
  ],
  controllers: [AuthController],
  providers: [LoginFailuresRepository, AuthService],
  exports: [AuthService],
})
export class AuthModule {}
